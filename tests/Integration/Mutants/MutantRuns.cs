using IsuBench.Integration.InitialCheck;
using IsuBench.Scenarios.InitialCheck;

namespace IsuBench.Integration.Mutants;

/// <summary>
/// Runs the initial check once per mutant, each through its own proxy, all started on first use (one instance per test class,
/// so once per store profile, each against its own reference).
/// Two kinds of run, so the class stays well under its time budget without weakening any mutant:
/// - the whole suite (sequence and watcher check) for every mutant of the stream, and for a representative few others,
///   one at a time with a quiet time after each (<see cref="LoadedReference.RunWholeSuiteAsync"/>): watcher checks close
///   together may pick the same rooms and count each other's watchers, so a wrong watcher_count would be caught by accident
///   rather than by the check; each costs the 6 s watcher stay and 3.5 s of quiet;
/// - the sequence alone (steps 1–7) for the other mutants, which all target a step of the sequence, several at a time.
/// </summary>
public sealed class MutantRuns : IDisposable
{
    /// <summary>Sequence-only runs in flight at once.</summary>
    private const int SequenceConcurrency = 4;

    /// <summary>Mutants of the sequence that also run the whole suite, to show the sequence and the watcher check fail together as one result.</summary>
    private static readonly HashSet<string> Representative = ["token-reused", "svg-missing-newest-stroke"];

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private readonly SemaphoreSlim _sequenceSlots = new(SequenceConcurrency);
    private readonly Lock _lock = new();
    private Dictionary<string, Task<MutantOutcome>>? _runs;

    /// <summary>The outcome of the mutant named <paramref name="name"/> against the reference at <paramref name="reference"/>.</summary>
    public Task<MutantOutcome> GetAsync(LoadedReference reference, string name)
    {
        lock (_lock)
        {
            _runs ??= MutantCatalog.CreateAll()
                .Select((mutant, index) => (mutant.Name, Run: RunAsync(reference, mutant, seed: 1000 + index)))
                .ToDictionary(p => p.Name, p => p.Run);
            return _runs[name];
        }
    }

    /// <summary>True when the mutant's run includes the watcher check.</summary>
    public static bool RunsWholeSuite(Mutant mutant) => mutant.TargetsStream || Representative.Contains(mutant.Name);

    private async Task<MutantOutcome> RunAsync(LoadedReference reference, Mutant mutant, int seed)
    {
        // Give up rather than hang if something in the chain stops answering (the runner's own bounds should make this moot).
        using var guard = new CancellationTokenSource(HangGuard);
        if (RunsWholeSuite(mutant))
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(reference.BaseAddress, mutant);
            return new MutantOutcome(mutant, await reference.RunWholeSuiteAsync(proxy.BaseAddress, new InitialCheckOptions { Seed = seed }, guard.Token), true);
        }
        await _sequenceSlots.WaitAsync(guard.Token);
        try
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(reference.BaseAddress, mutant);
            var options = new InitialCheckOptions
            {
                Seed = seed,
                OnlyChecks = InitialCheckNames.All.Where(n => n != InitialCheckNames.WatcherCount).ToHashSet(),
            };
            return new MutantOutcome(mutant, await InitialCheckHarness.RunAsync(proxy.BaseAddress, options, guard.Token), false);
        }
        finally
        {
            _sequenceSlots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sequenceSlots.Dispose();
}

/// <summary>A mutant, what the initial check said about it, and whether the run included the watcher check.</summary>
public sealed record MutantOutcome(Mutant Mutant, InitialCheckHarness.Run Run, bool WholeSuite);
