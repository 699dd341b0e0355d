namespace IsuBench.Bench.Compare;

/// <summary>What a side's change against the reference side amounts to.</summary>
public enum ChangeDirection
{
    /// <summary>No change, no direction, or a change within the runs' own spread.</summary>
    Neutral,

    /// <summary>Changed the way the figure improves, beyond the runs' spread.</summary>
    Better,

    /// <summary>Changed the other way, beyond the runs' spread.</summary>
    Worse,
}
