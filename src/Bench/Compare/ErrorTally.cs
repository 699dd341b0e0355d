namespace IsuBench.Bench.Compare;

/// <summary>How often one error occurred on one side: its count summed over the side's runs, and in how many runs it occurred.</summary>
internal sealed record ErrorTally(long Count, int Runs);
