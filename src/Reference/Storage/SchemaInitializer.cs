using Microsoft.Extensions.Hosting;
using MySqlConnector;

namespace IsuBench.Reference.Storage;

/// <summary>Applies the embedded schema (CREATE TABLE IF NOT EXISTS) before the server starts listening.</summary>
internal sealed class SchemaInitializer(MySqlDataSource dataSource) : IHostedService
{
    /// <summary>The DDL of every table, as shipped inside the assembly.</summary>
    public static string Ddl()
    {
        using var stream = typeof(SchemaInitializer).Assembly.GetManifestResourceStream("Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Ddl();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
