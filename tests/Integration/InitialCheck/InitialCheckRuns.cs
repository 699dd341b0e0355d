using IsuBench.Integration.Mutants;
using IsuBench.Scenarios.InitialCheck;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// Every run of the initial check that a collection's tests judge against its reference, all started on the first request for
/// any of them (one instance per collection, so once per store profile): the clean runs, straight at the reference and through
/// the faithful proxy, and one per mutant through its own proxy. Each test then waits for its own run, so the collection takes
/// about as long as its runs take side by side rather than one after another. The run straight at the reference goes first and
/// alone, as it did when it ran before the mutants; after it, no more runs are in flight at once than before (one whole-suite
/// run and four sequences), so that a loaded machine does not push the reference past the check's 5 s request timeout.
/// Two kinds of mutant run, so that the runs stay short without weakening any mutant:
/// - the whole suite (sequence and watcher check) for every mutant of the stream, and for a representative few others,
///   several at a time: their watchers never share a room within the heartbeat window (<see cref="WatcherRoomLedger"/>),
///   since watcher checks in one room would count each other's watchers and a wrong watcher_count would be caught by
///   accident rather than by the check; each costs the 6 s watcher stay;
/// - the sequence alone (steps 1–7) for the other mutants, which all target a step of the sequence, several at a time.
/// </summary>
public sealed class InitialCheckRuns : IAsyncLifetime
{
    /// <summary>Runs through a proxy in flight at once, of either kind.</summary>
    private const int Concurrency = 5;

    /// <summary>Whole-suite runs through a proxy in flight at once (they wait in the watcher stay more than they work).</summary>
    private const int WholeSuiteConcurrency = 3;

    /// <summary>
    /// Mutants of the sequence that also run the whole suite, to show the sequence and the watcher check fail together as one result.
    /// </summary>
    private static readonly HashSet<string> Representative = ["token-reused", "svg-missing-newest-stroke"];

    /// <summary>
    /// How long a run may take, counted from when all started: it only turns a hang into a failure, so it leaves room for the
    /// last runs, which wait for their turn, on a machine two or three times slower than a quiet one.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _slots = new(Concurrency);
    private readonly SemaphoreSlim _wholeSuiteSlots = new(WholeSuiteConcurrency);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Started? _started;

    private sealed record Started(
        Task<InitialCheckHarness.Run> Clean,
        Task<InitialCheckHarness.Run> CleanThroughProxy,
        Dictionary<string, Task<MutantOutcome>> Mutants);

    /// <summary>The whole suite straight at <paramref name="reference"/> (seed 42), holding it alone.</summary>
    public Task<InitialCheckHarness.Run> CleanAsync(LoadedReference reference) => Start(reference).Clean;

    /// <summary>The whole suite through the faithful proxy in front of <paramref name="reference"/> (seed 7).</summary>
    public Task<InitialCheckHarness.Run> CleanThroughProxyAsync(LoadedReference reference) => Start(reference).CleanThroughProxy;

    /// <summary>The outcome of the mutant named <paramref name="name"/> against <paramref name="reference"/>.</summary>
    public Task<MutantOutcome> MutantAsync(LoadedReference reference, string name) => Start(reference).Mutants[name];

    /// <summary>True when the mutant's run includes the watcher check.</summary>
    public static bool RunsWholeSuite(Mutant mutant) => mutant.TargetsStream || Representative.Contains(mutant.Name);

    private Started Start(LoadedReference reference)
    {
        lock (_lock)
        {
            if (_started is not null) return _started;
            var clean = GuardedAsync(guard => reference.RunWholeSuiteAloneAsync(new InitialCheckOptions { Seed = 42 }, guard));
            // The others start once it ended, whatever it found; whole-suite runs queue first, so that their watcher stays
            // overlap the sequences.
            var first = clean.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            var cleanThroughProxy = GuardedAsync(async guard =>
            {
                await first;
                return (await RunWholeSuiteAsync(reference, () => null, new InitialCheckOptions { Seed = 7 }, guard)).Run;
            });
            var mutants = MutantCatalog.CreateAll().Select((mutant, index) => (mutant, seed: 1000 + index)).ToList();
            var runs = mutants.Where(m => RunsWholeSuite(m.mutant)).Concat(mutants.Where(m => !RunsWholeSuite(m.mutant)))
                .ToDictionary(m => m.mutant.Name, m => RunAsync(reference, m.mutant, m.seed, first));
            return _started = new Started(clean, cleanThroughProxy, runs);
        }
    }

    // Give up rather than hang if something in the chain stops answering (the runner's own bounds should make this moot), and
    // stop with the collection when its tests did not wait for every run (a filtered test run).
    private async Task<T> GuardedAsync<T>(Func<CancellationToken, Task<T>> run)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        guard.CancelAfter(HangGuard);
        return await run(guard.Token);
    }

    private Task<MutantOutcome> RunAsync(LoadedReference reference, Mutant mutant, int seed, Task first) => GuardedAsync(async guard =>
    {
        await first;
        if (RunsWholeSuite(mutant))
        {
            // Each attempt gets a fresh instance: mutants keep state per run.
            var fresh = () => MutantCatalog.CreateAll().Single(m => m.Name == mutant.Name);
            var (run, attempts) = await RunWholeSuiteAsync(reference, fresh, new InitialCheckOptions { Seed = seed }, guard);
            return new MutantOutcome(mutant, run, true) { Attempts = attempts };
        }
        await _slots.WaitAsync(guard);
        try
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(reference.BaseAddress, mutant);
            var options = new InitialCheckOptions
            {
                Seed = seed,
                OnlyChecks = InitialCheckNames.All.Where(n => n != InitialCheckNames.WatcherCount).ToHashSet(),
            };
            return new MutantOutcome(mutant, await InitialCheckHarness.RunAsync(proxy.BaseAddress, options, guard), false);
        }
        finally
        {
            _slots.Release();
        }
    });

    private async Task<(InitialCheckHarness.Run Run, int Attempts)> RunWholeSuiteAsync(
        LoadedReference reference, Func<Mutant?> createMutant, InitialCheckOptions options, CancellationToken cancellationToken)
    {
        await _wholeSuiteSlots.WaitAsync(cancellationToken);
        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                return await reference.RunWholeSuiteThroughProxyAsync(createMutant, options, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            _wholeSuiteSlots.Release();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] runs;
        lock (_lock) runs = _started is null ? [] : [_started.Clean, _started.CleanThroughProxy, .. _started.Mutants.Values];
        try
        {
            await Task.WhenAll(runs);
        }
        catch (Exception)
        {
            // Only runs no test waited for can end here (cancelled); the tests judged the others.
        }
        _stopping.Dispose();
        _slots.Dispose();
        _wholeSuiteSlots.Dispose();
    }
}
