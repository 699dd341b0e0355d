namespace IsuBench.Engine.Tls;

/// <summary>
/// A TLS connection that could not be made or went wrong: the server's alert, a message that breaks RFC 8446, or something
/// this client does not offer. An <see cref="IOException"/>, so the callers treat it as every other transport failure.
/// </summary>
internal sealed class TlsException(string message, bool notTls13 = false, bool connectionEnded = false) : IOException(message)
{
    /// <summary>
    /// True when the server would not make the TLS 1.3 handshake this client offers (it refused or answered wrongly before or at
    /// its ServerHello): a server of an older protocol, or of other groups or suites, whom the platform's TLS stack may still serve.
    /// </summary>
    public bool NotTls13 { get; } = notTls13;

    /// <summary>True when the connection simply ended (no refusal was said): a dropped connection, not a server of another TLS.</summary>
    public bool ConnectionEnded { get; } = connectionEnded;
}
