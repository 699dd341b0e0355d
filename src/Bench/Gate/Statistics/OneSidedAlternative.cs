namespace IsuBench.Bench.Gate.Statistics;

/// <summary>What a one-sided rank test looks for: the first sample's values tending lower or higher than the second's.</summary>
public enum OneSidedAlternative
{
    /// <summary>The first sample tends to be lower (scipy's <c>alternative="less"</c>).</summary>
    Less,

    /// <summary>The first sample tends to be higher (scipy's <c>alternative="greater"</c>).</summary>
    Greater,
}
