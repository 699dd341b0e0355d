namespace IsuBench.Bench.Gate.Statistics;

/// <summary>Ranks 1..n of pooled values, tied values sharing the mean of their ranks, and the size of every tie group.</summary>
public sealed record MidRanks(double[] Ranks, IReadOnlyList<int> TieGroups)
{
    /// <summary>The ranks of <paramref name="values"/>, in their order.</summary>
    public static MidRanks Of(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var groups = new List<int>();
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            // Positions start..end hold ranks start+1..end+1; their mean is the midpoint.
            double rank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) ranks[order[i]] = rank;
            groups.Add(end - start + 1);
            start = end + 1;
        }
        return new MidRanks(ranks, groups);
    }

    /// <summary>True when any two values are equal.</summary>
    public bool HasTies => TieGroups.Any(t => t > 1);

    /// <summary>Σ (t³ − t) over the tie groups, the variance correction of the normal approximation.</summary>
    public double TieTerm => TieGroups.Sum(t => (double)t * t * t - t);
}
