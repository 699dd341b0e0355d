namespace IsuBench.Bench.Gate;

/// <summary>A result or baseline file the gate cannot use; the message names the file and the fix.</summary>
internal sealed class GateInputException(string message) : Exception(message);
