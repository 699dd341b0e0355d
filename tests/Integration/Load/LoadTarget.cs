using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.DataSet;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using MySqlConnector;

namespace IsuBench.Integration.Load;

/// <summary>The reference server in one profile on 127.0.0.1 over a fresh database holding the initial data set (120 rooms: more than the 100 the top list shows).</summary>
public sealed class LoadTarget : IAsyncDisposable
{
    /// <summary>Rooms of the loaded data set.</summary>
    public const int Rooms = 120;

    private WebApplication? _app;

    private LoadTarget(string profile) => Profile = profile;

    /// <summary>The reference's store profile (baseline or tuned).</summary>
    public string Profile { get; }

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Connection string to the server's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates the database, loads the data set and starts the server.</summary>
    public static async Task<LoadTarget> StartAsync(string profile)
    {
        var target = new LoadTarget(profile);
        target.ConnectionString = await SharedMariaDb.CreateDatabaseAsync($"load_{profile}_{Guid.NewGuid():N}"[..40]);
        await new DataSetLoader(DataSetGenerator.WithIsuStrokes(DataSetGenerator.DefaultSeed, Rooms)).LoadAsync(target.ConnectionString, CancellationToken.None);
        target._app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", target.ConnectionString, "--profile", target.Profile]);
        await target._app.StartAsync();
        target.BaseAddress = new Uri(target._app.Urls.First());
        return target;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
