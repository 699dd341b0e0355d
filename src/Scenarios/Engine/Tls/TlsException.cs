namespace IsuBench.Scenarios.Engine.Tls;

/// <summary>
/// A TLS connection that could not be made or went wrong: the server's alert, a message that breaks RFC 8446, or something
/// this client does not offer. An <see cref="IOException"/>, so the callers treat it as every other transport failure.
/// </summary>
public sealed class TlsException(string message) : IOException(message);
