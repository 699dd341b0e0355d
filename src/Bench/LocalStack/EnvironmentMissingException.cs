namespace IsuBench.Bench.LocalStack;

/// <summary>Something the machine lacks (a program, a permission); the message says how to fix it.</summary>
internal sealed class EnvironmentMissingException(string message) : Exception(message);
