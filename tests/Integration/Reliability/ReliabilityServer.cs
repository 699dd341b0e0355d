using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using MySqlConnector;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// The reference server of one store profile, in this process on a real Kestrel port of 127.0.0.1, over a fresh
/// database of the shared MariaDB; with direct SQL access for counting and seeding rows.
/// </summary>
public abstract class ReliabilityServer(string profile) : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The store profile (<c>baseline</c> or <c>tuned</c>).</summary>
    public string Profile { get; } = profile;

    /// <summary>Connection string to this server's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A plain client on <see cref="BaseAddress"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ConnectionString = await SharedMariaDb.CreateDatabaseAsync("rel_" + Guid.NewGuid().ToString("N")[..16]);
        _app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", ConnectionString, "--profile", Profile]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await SeedAsync();
    }

    /// <summary>Rows a derived fixture wants before the tests run.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

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
    public async Task<RowCounts> CountRowsAsync()
    {
        async Task<long> Count(string table) => Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {table}"));
        return new RowCounts(await Count("tokens"), await Count("rooms"), await Count("room_owners"),
            await Count("strokes"), await Count("points"), await Count("room_watchers"));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Row counts of the tables a request may write, or a change of them.</summary>
public sealed record RowCounts(long Tokens, long Rooms, long RoomOwners, long Strokes, long Points, long RoomWatchers)
{
    /// <summary>No change.</summary>
    public static readonly RowCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Adds two counts (or changes).</summary>
    public static RowCounts operator +(RowCounts a, RowCounts b) => new(a.Tokens + b.Tokens, a.Rooms + b.Rooms,
        a.RoomOwners + b.RoomOwners, a.Strokes + b.Strokes, a.Points + b.Points, a.RoomWatchers + b.RoomWatchers);
}
