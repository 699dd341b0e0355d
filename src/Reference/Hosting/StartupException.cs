namespace IsuBench.Reference.Hosting;

/// <summary>A configuration the server refuses to start with; the message is for the operator.</summary>
internal sealed class StartupException(string message) : Exception(message);
