using IsuBench.Integration.Mutants;
using IsuBench.Scenarios.InitialCheck;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// Every run of the initial check that a collection's tests judge against its reference, all started on the first request for
/// any of them (one instance per collection, so once per store profile): the clean runs, straight at the reference and through
/// the faithful proxy, and one per mutant through its own proxy. Each test then waits for its own run, so the collection takes
/// about as long as its runs take side by side rather than one after another.
/// Two kinds of mutant run, so that the runs stay short without weakening any mutant:
/// - the whole suite (sequence and watcher check) for every mutant of the stream, and for a representative few others,
///   several at a time: their watchers never share a room within the heartbeat window (<see cref="WatcherRoomLedger"/>),
///   since watcher checks in one room would count each other's watchers and a wrong watcher_count would be caught by
///   accident rather than by the check; each costs the 6 s watcher stay;
/// - the sequence alone (steps 1–7) for the other mutants, which all target a step of the sequence, several at a time.
/// </summary>
public sealed class InitialCheckRuns : IAsyncLifetime
{
    /// <summary>Sequence-only runs in flight at once.</summary>
    private const int SequenceConcurrency = 4;

    /// <summary>Whole-suite runs through a proxy in flight at once.</summary>
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

    private readonly SemaphoreSlim _sequenceSlots = new(SequenceConcurrency);
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
            // The run that holds the reference alone asks first, so it goes first rather than wait for the others to drain.
            return _started ??= new Started(
                GuardedAsync(guard => reference.RunWholeSuiteAloneAsync(new InitialCheckOptions { Seed = 42 }, guard)),
                GuardedAsync(async guard =>
                    (await RunWholeSuiteAsync(reference, () => null, new InitialCheckOptions { Seed = 7 }, guard)).Run),
                MutantCatalog.CreateAll()
                    .Select((mutant, index) => (mutant.Name, Run: RunAsync(reference, mutant, seed: 1000 + index)))
                    .ToDictionary(p => p.Name, p => p.Run));
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

    private Task<MutantOutcome> RunAsync(LoadedReference reference, Mutant mutant, int seed) => GuardedAsync(async guard =>
    {
        if (RunsWholeSuite(mutant))
        {
            // Each attempt gets a fresh instance: mutants keep state per run.
            var fresh = () => MutantCatalog.CreateAll().Single(m => m.Name == mutant.Name);
            var (run, attempts) = await RunWholeSuiteAsync(reference, fresh, new InitialCheckOptions { Seed = seed }, guard);
            return new MutantOutcome(mutant, run, true) { Attempts = attempts };
        }
        await _sequenceSlots.WaitAsync(guard);
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
            _sequenceSlots.Release();
        }
    });

    private async Task<(InitialCheckHarness.Run Run, int Attempts)> RunWholeSuiteAsync(
        LoadedReference reference, Func<Mutant?> createMutant, InitialCheckOptions options, CancellationToken cancellationToken)
    {
        await _wholeSuiteSlots.WaitAsync(cancellationToken);
        try
        {
            return await reference.RunWholeSuiteThroughProxyAsync(createMutant, options, cancellationToken);
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
        _sequenceSlots.Dispose();
        _wholeSuiteSlots.Dispose();
    }
}
