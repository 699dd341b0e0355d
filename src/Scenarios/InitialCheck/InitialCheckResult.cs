using IsuBench.Checks.Verdicts;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>What the initial check found: every check's verdicts, and whether the load phase may start.</summary>
/// <param name="Checks">One outcome per check that ran or was skipped, sequence order, the watcher check last.</param>
public sealed record InitialCheckResult(IReadOnlyList<CheckOutcome> Checks)
{
    /// <summary>Every verdict of every check, in check order.</summary>
    public IReadOnlyList<Verdict> Verdicts => Checks.SelectMany(c => c.Verdicts).ToList();

    /// <summary>True when no critical rule failed (the load phase may start). A skipped check carries a failed <c>initial.completed</c>, critical with <c>--strict</c>.</summary>
    public bool Passed => !Verdicts.AnyCritical();
}

/// <summary>One check's verdicts; <paramref name="Skipped"/> when it did not run because the target had stopped answering.</summary>
public sealed record CheckOutcome(string Name, IReadOnlyList<Verdict> Verdicts, TimeSpan Duration, bool Skipped = false)
{
    /// <summary>True when the check ran and none of its verdicts failed.</summary>
    public bool Passed => !Skipped && Verdicts.AllPassed();
}
