using System.Diagnostics;
using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.DataSet;
using IsuBench.Reference.Hosting;
using IsuBench.Scenarios.InitialCheck;
using Microsoft.AspNetCore.Builder;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The reference server (profile <see cref="Profile"/>) on 127.0.0.1 over a fresh database holding the full initial data set
/// (1000 rooms with strokes), as the initial check expects of any target. Loaded once per fixture.
/// </summary>
public class LoadedReference : IAsyncLifetime
{
    /// <summary>
    /// How long a watcher still counts after it left (the 3 s heartbeat window) plus a margin: two watcher checks closer than this
    /// may pick the same room and count each other's watchers.
    /// </summary>
    private static readonly TimeSpan WatcherQuiet = TimeSpan.FromSeconds(3.5);

    private readonly SemaphoreSlim _watcherCheck = new(1);
    private WebApplication? _app;

    /// <summary>The reference's store profile.</summary>
    protected virtual string Profile => ReferenceOptions.BaselineProfile;

    /// <summary>What loading the full data set (the default seed and rooms) into its fresh database reported.</summary>
    public DataSetCounts FullDataSetCounts { get; private set; } = null!;

    /// <summary>How long that load took.</summary>
    public TimeSpan FullDataSetLoadTime { get; private set; }

    /// <summary>Where the reference listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync($"initial_check_{Profile}_{Guid.NewGuid():N}"[..40]);
        var watch = Stopwatch.StartNew();
        var dataSet = DataSetGenerator.WithIsuStrokes(DataSetGenerator.DefaultSeed, DataSetGenerator.DefaultRooms);
        FullDataSetCounts = await new DataSetLoader(dataSet).LoadAsync(connectionString, CancellationToken.None);
        FullDataSetLoadTime = watch.Elapsed;
        _app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", connectionString, "--profile", Profile]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>
    /// Runs the whole initial check (with its watcher check) against <paramref name="target"/> (this server or a proxy in front of it),
    /// one run at a time, each followed by a quiet time so that no run sees the watchers of the one before.
    /// </summary>
    public async Task<InitialCheckHarness.Run> RunWholeSuiteAsync(Uri target, InitialCheckOptions options, CancellationToken cancellationToken = default)
    {
        if (options.OnlyChecks is not null) throw new ArgumentException("the whole suite runs every check", nameof(options));
        await _watcherCheck.WaitAsync(cancellationToken);
        try
        {
            var run = await InitialCheckHarness.RunAsync(target, options, cancellationToken);
            await Task.Delay(WatcherQuiet, cancellationToken);
            return run;
        }
        finally
        {
            _watcherCheck.Release();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _watcherCheck.Dispose();
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
