namespace IsuBench.Bench.Gate;

/// <summary>What the gate decided about a figure, or about all of them.</summary>
public enum GateDecision
{
    /// <summary>No drop beyond the allowance (exit 0).</summary>
    Pass,

    /// <summary>A run failed, or the figure dropped beyond the allowance (exit 3).</summary>
    Fail,

    /// <summary>The runs cannot tell either way; more runs may (exit 5).</summary>
    Inconclusive,
}
