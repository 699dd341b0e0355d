namespace IsuBench.Checks.Documents.Api;

/// <summary>The result of reading a JSON document: the value, or a problem saying which field is wrong.</summary>
/// <param name="Value">The value read; null when the document could not be read.</param>
/// <param name="Problem">Why it could not be read; null when it was.</param>
internal sealed record ApiRead<T>(T? Value, string? Problem) where T : class
{
    /// <summary>True when the document had the expected shape.</summary>
    public bool Ok => Value is not null;

    /// <summary>The paths of fields that were absent and read as zero values (see <c>ContractRules</c>).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];
}
