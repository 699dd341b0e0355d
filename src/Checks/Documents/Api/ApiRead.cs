namespace IsuBench.Checks.Documents.Api;

/// <summary>The result of reading a JSON document: the value, or a problem saying which field is wrong.</summary>
public sealed record ApiRead<T>(T? Value, string? Problem) where T : class
{
    /// <summary>True when the document had the expected shape.</summary>
    public bool Ok => Value is not null;
}
