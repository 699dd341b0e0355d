using IsuBench.Integration.InitialCheck;

namespace IsuBench.Integration.Mutants;

/// <summary>A mutant, what the initial check said about it, and whether the run included the watcher check.</summary>
public sealed record MutantOutcome(Mutant Mutant, InitialCheckHarness.Run Run, bool WholeSuite)
{
    /// <summary>How many times the run started: a whole-suite run refused a room another run held is void and runs again.</summary>
    public int Attempts { get; init; } = 1;
}
