using IsuBench.Integration.InitialCheck;
using IsuBench.Scenarios.InitialCheck;

namespace IsuBench.Integration.Mutants;

/// <summary>
/// Runs the whole initial check once per mutant, each through its own proxy, several at a time: most of a run is the watcher
/// check's 6 s stay, which is waiting, so overlapping runs keep the class fast without skipping any check. Started on first use.
/// </summary>
public sealed class MutantRuns : IDisposable
{
    /// <summary>Runs in flight at once.</summary>
    private const int Concurrency = 6;

    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _slots = new(Concurrency);
    private readonly Lock _lock = new();
    private Dictionary<string, Task<MutantOutcome>>? _runs;

    /// <summary>The outcome of the mutant named <paramref name="name"/> against the reference at <paramref name="reference"/>.</summary>
    public Task<MutantOutcome> GetAsync(Uri reference, string name)
    {
        lock (_lock)
        {
            _runs ??= MutantCatalog.CreateAll()
                .Select((mutant, index) => (mutant.Name, Run: RunAsync(reference, mutant, seed: 1000 + index)))
                .ToDictionary(p => p.Name, p => p.Run);
            return _runs[name];
        }
    }

    private async Task<MutantOutcome> RunAsync(Uri reference, Mutant mutant, int seed)
    {
        await _slots.WaitAsync();
        try
        {
            await using var proxy = await FaultInjectingProxy.StartAsync(reference, mutant);
            // Each run its own seed, so that concurrent runs mostly watch different rooms.
            using var guard = new CancellationTokenSource(HangGuard);
            var run = await InitialCheckHarness.RunAsync(proxy.BaseAddress, new InitialCheckOptions { Seed = seed }, guard.Token);
            return new MutantOutcome(mutant, run);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}

/// <summary>A mutant and what the initial check said about it.</summary>
public sealed record MutantOutcome(Mutant Mutant, InitialCheckHarness.Run Run);
