namespace IsuBench.Bench.Repeat;

/// <summary>The reset command could not start or failed; the message holds its exit code and last output.</summary>
internal sealed class TargetResetException(string message) : Exception(message);
