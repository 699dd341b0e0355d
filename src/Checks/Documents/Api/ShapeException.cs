namespace IsuBench.Checks.Documents.Api;

/// <summary>Raised inside the JSON readers when a field is missing or of the wrong type; never escapes them.</summary>
internal sealed class ShapeException(string message) : Exception(message);
