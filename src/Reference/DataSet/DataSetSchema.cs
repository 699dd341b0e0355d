using IsuBench.Reference.Storage;
using MySqlConnector;

namespace IsuBench.Reference.DataSet;

/// <summary>Drops and recreates the ISUketch tables from the embedded schema (the one the server applies at start).</summary>
internal static class DataSetSchema
{
    /// <summary>The tables of docs/contract.md §1.1.</summary>
    public static readonly string[] Tables = ["rooms", "strokes", "points", "tokens", "room_watchers", "room_owners"];

    /// <summary>Drops every ISUketch table and creates them empty.</summary>
    public static async Task RecreateAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP TABLE IF EXISTS {string.Join(", ", Tables)};\n{SchemaInitializer.Ddl()}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Makes the next generated ids follow the loaded rows (rooms, strokes, points, tokens).</summary>
    public static async Task SetAutoIncrementAsync(MySqlConnection connection, DataSetCounts counts, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            ALTER TABLE rooms AUTO_INCREMENT = {counts.Rooms + 1};
            ALTER TABLE strokes AUTO_INCREMENT = {counts.Strokes + 1};
            ALTER TABLE points AUTO_INCREMENT = {counts.Points + 1};
            ALTER TABLE tokens AUTO_INCREMENT = {counts.Tokens + 1};
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
