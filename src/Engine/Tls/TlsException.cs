namespace IsuBench.Engine.Tls;

/// <summary>
/// A TLS connection that could not be made or went wrong: the server's alert, a message that breaks RFC 8446 or RFC 5246, or
/// something this client does not offer. An <see cref="IOException"/>, so the callers treat it as every other transport failure.
/// </summary>
internal sealed class TlsException(string message, bool offerRefused = false, bool connectionEnded = false) : IOException(message)
{
    /// <summary>
    /// True when the server speaks nothing this client offers (it refused or answered wrongly before or at its ServerHello): a
    /// server of another protocol version, or of other groups or suites, whom the platform's TLS stack may still serve.
    /// </summary>
    public bool OfferRefused { get; } = offerRefused;

    /// <summary>True when the connection simply ended (no refusal was said): a dropped connection, not a server of another TLS.</summary>
    public bool ConnectionEnded { get; } = connectionEnded;
}
