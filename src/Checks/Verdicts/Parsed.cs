namespace IsuBench.Checks.Verdicts;

/// <summary>A value read from a response, or the failing verdict explaining why it could not be read.</summary>
public sealed record Parsed<T>(T? Value, Verdict Verdict) where T : class
{
    /// <summary>True when the value was read and its verdict passed.</summary>
    public bool Ok => Value is not null && Verdict.Passed;

    /// <summary>A successfully read value.</summary>
    public static Parsed<T> Success(T value, Verdict passed) => new(value, passed);

    /// <summary>A value that could not be read.</summary>
    public static Parsed<T> Failure(Verdict failed) => new(null, failed);
}
