namespace IsuBench.Checks.Rules;

/// <summary>When a rule is applied: a failure in the initial check is critical, the same failure under load is an ordinary error.</summary>
public enum CheckPhase
{
    /// <summary>Phase 1, the conformance check.</summary>
    Initial,

    /// <summary>Phase 2, the load workloads.</summary>
    Load,
}
