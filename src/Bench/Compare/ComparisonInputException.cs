namespace IsuBench.Bench.Compare;

/// <summary>An argument of <c>isubench compare</c> that is no result: the message names it and says what to pass.</summary>
internal sealed class ComparisonInputException(string message) : Exception(message);
