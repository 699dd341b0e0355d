namespace IsuBench.Checks.Verdicts;

/// <summary>A value read from a response together with the verdict of reading it; <see cref="Value"/> is meaningful only when <see cref="Ok"/>.</summary>
public sealed record Parsed<T>(T? Value, Verdict Verdict)
{
    /// <summary>The paths of JSON fields that were absent and read as zero values (for <c>ContractRules</c>); empty for other documents.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>True when the value was read and its verdict passed.</summary>
    public bool Ok => Verdict.Passed;

    /// <summary>A successfully read value.</summary>
    public static Parsed<T> Success(T value, Verdict passed) => new(value, passed);

    /// <summary>A value that could not be read.</summary>
    public static Parsed<T> Failure(Verdict failed) => new(default, failed);
}
