using System.Diagnostics;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Mutants;
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
    /// <summary>Attempts a run through a proxy makes room by room before it holds the reference alone, which always succeeds.</summary>
    private const int SharedAttempts = 4;

    private WebApplication? _app;

    /// <summary>The reference's store profile.</summary>
    protected virtual string Profile => ReferenceOptions.BaselineProfile;

    /// <summary>What loading the full data set (the default seed and rooms) into its fresh database reported.</summary>
    public DataSetCounts FullDataSetCounts { get; private set; } = null!;

    /// <summary>How long that load took.</summary>
    public TimeSpan FullDataSetLoadTime { get; private set; }

    /// <summary>Where the reference listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Which rooms the watcher checks of whole-suite runs against this reference hold.</summary>
    public WatcherRoomLedger Watchers { get; } = new();

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
    /// Runs the whole initial check (with its watcher check) straight at this server, holding it alone: no other whole-suite run
    /// overlaps it or follows it within the quiet time, so that neither sees the other's watchers.
    /// </summary>
    public async Task<InitialCheckHarness.Run> RunWholeSuiteAloneAsync(
        InitialCheckOptions options, CancellationToken cancellationToken = default)
    {
        if (options.OnlyChecks is not null) throw new ArgumentException("the whole suite runs every check", nameof(options));
        var claim = await Watchers.HoldAloneAsync(cancellationToken);
        try
        {
            return await InitialCheckHarness.RunAsync(BaseAddress, options, cancellationToken);
        }
        finally
        {
            claim.ReleaseAfterQuiet();
        }
    }

    /// <summary>
    /// Runs the whole initial check through a fresh proxy applying <paramref name="createMutant"/>'s mutant (null: a faithful
    /// proxy), beside other such runs: the proxy holds each room before its watchers stream from it (<see cref="Watchers"/>).
    /// A run refused a room is void and runs again, with a fresh mutant, once that room and its own are free; after a few
    /// refusals it holds the reference alone. Returns the run and how many attempts it took.
    /// </summary>
    public async Task<(InitialCheckHarness.Run Run, int Attempts)> RunWholeSuiteThroughProxyAsync(
        Func<Mutant?> createMutant, InitialCheckOptions options, CancellationToken cancellationToken = default)
    {
        if (options.OnlyChecks is not null) throw new ArgumentException("the whole suite runs every check", nameof(options));
        for (var attempt = 1; ; attempt++)
        {
            var claim = attempt > SharedAttempts
                ? await Watchers.HoldAloneAsync(cancellationToken)
                : await Watchers.OpenAsync(cancellationToken);
            InitialCheckHarness.Run? run = null;
            try
            {
                await using var proxy = await FaultInjectingProxy.StartAsync(BaseAddress, createMutant(), claim);
                using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, claim.Refused);
                run = await InitialCheckHarness.RunAsync(proxy.BaseAddress, options, attemptCancellation.Token);
            }
            catch (Exception) when (claim.RefusedRoom is not null && !cancellationToken.IsCancellationRequested)
            {
                // Void (cancelled once refused): run again below.
            }
            finally
            {
                claim.ReleaseAfterQuiet();
            }
            if (claim.RefusedRoom is not { } refused) return (run!, attempt);
            // Its own watchers count for a while too, and the same seed would likely pick the same rooms again.
            await Task.WhenAll(claim.Released, Watchers.WhenFreeAsync(refused, cancellationToken)).WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
