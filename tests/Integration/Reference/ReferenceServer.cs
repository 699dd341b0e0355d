using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using MySqlConnector;

namespace IsuBench.Integration.Reference;

/// <summary>
/// The reference server on a real Kestrel port of 127.0.0.1 over a fresh database of the shared MariaDB.
/// One per test class (IClassFixture), so classes never see each other's rows.
/// </summary>
public class ReferenceServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>Connection string to this server's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client on <see cref="BaseAddress"/>.</summary>
    public IsuketchClient Api { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ConnectionString = await SharedMariaDb.CreateDatabaseAsync("ref_" + Guid.NewGuid().ToString("N")[..16]);
        _app = await StartAppAsync(ConnectionString);
        BaseAddress = new Uri(_app.Urls.First());
        Api = new IsuketchClient(BaseAddress);
        await SeedAsync();
    }

    /// <summary>Builds and starts an app on a free loopback port over <paramref name="connectionString"/>.</summary>
    public static async Task<WebApplication> StartAppAsync(string connectionString)
    {
        var app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", connectionString]);
        await app.StartAsync();
        return app;
    }

    /// <summary>Rows a derived fixture wants before the tests run.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Runs one SQL statement against this server's database.</summary>
    public async Task ExecuteSqlAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>How many rows each table holds now.</summary>
    public async Task<TableCounts> CountRowsAsync()
    {
        async Task<long> Count(string table) => Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {table}"));
        return new TableCounts(await Count("rooms"), await Count("strokes"), await Count("points"),
            await Count("tokens"), await Count("room_watchers"), await Count("room_owners"));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Row counts of every table, compared before and after a request that must write nothing.</summary>
public sealed record TableCounts(long Rooms, long Strokes, long Points, long Tokens, long RoomWatchers, long RoomOwners);
