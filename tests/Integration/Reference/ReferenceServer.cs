using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.Hosting;
using IsuBench.Reference.Profiles.Tuned;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace IsuBench.Integration.Reference;

/// <summary>
/// The reference server on a real Kestrel port of 127.0.0.1 over a fresh database of the shared MariaDB.
/// One per test class (IClassFixture), so classes never see each other's rows. Each test class runs against both
/// store profiles through <see cref="BaselineServer"/> and <see cref="TunedServer"/>.
/// </summary>
public abstract class ReferenceServer(string profile) : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The store profile the server runs (<c>baseline</c> or <c>tuned</c>).</summary>
    public string Profile { get; } = profile;

    /// <summary>
    /// Whether a stream response ends by itself (baseline: after its six polls). A tuned stream stays open, so tests
    /// read it until what they expect has arrived and then hang up.
    /// </summary>
    public bool StreamsEndByThemselves => Profile == ReferenceOptions.BaselineProfile;

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
        _app = await StartAppAsync(ConnectionString, Profile);
        BaseAddress = new Uri(_app.Urls.First());
        Api = new IsuketchClient(BaseAddress);
        await SeedAsync();
    }

    /// <summary>Builds and starts an app of <paramref name="profile"/> on a free loopback port over <paramref name="connectionString"/>.</summary>
    public static async Task<WebApplication> StartAppAsync(string connectionString, string profile = ReferenceOptions.BaselineProfile)
    {
        var app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", connectionString, "--profile", profile]);
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Tells the server that a test changed rows behind its back (aged a token or a heartbeat). Baseline reads the
    /// database on every request; tuned keeps state in memory and reloads it as a restart would.
    /// </summary>
    public async Task AfterDirectSqlAsync()
    {
        if (_app?.Services.GetService<TunedStateLoader>() is { } loader) await loader.ReloadAsync(CancellationToken.None);
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

/// <summary>The reference server with the naive <c>baseline</c> store.</summary>
public sealed class BaselineServer() : ReferenceServer(ReferenceOptions.BaselineProfile);

/// <summary>The reference server with the <c>tuned</c> store.</summary>
public sealed class TunedServer() : ReferenceServer(ReferenceOptions.TunedProfile);

/// <summary>Row counts of every table, compared before and after a request that must write nothing.</summary>
public sealed record TableCounts(long Rooms, long Strokes, long Points, long Tokens, long RoomWatchers, long RoomOwners);
