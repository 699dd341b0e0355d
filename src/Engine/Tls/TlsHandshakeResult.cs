namespace IsuBench.Engine.Tls;

/// <summary>
/// What a finished handshake leaves for the connection: the protocol and suite chosen (as reports name them), each direction's
/// record protection, and for TLS 1.3 the application traffic secrets that a KeyUpdate moves on (null for TLS 1.2).
/// </summary>
internal sealed record TlsHandshakeResult(
    string Protocol, string CipherSuite, IRecordProtection ReadKeys, IRecordProtection WriteKeys, byte[]? ClientSecret,
    byte[]? ServerSecret)
{
    /// <summary>The protocol's name for TLS 1.3.</summary>
    public const string Tls13 = "TLS 1.3";

    /// <summary>The protocol's name for TLS 1.2.</summary>
    public const string Tls12 = "TLS 1.2";
}
