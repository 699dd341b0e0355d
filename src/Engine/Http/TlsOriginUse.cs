namespace IsuBench.Engine.Http;

/// <summary>
/// Which TLS stack served one https origin in a run, with what protocol and cipher suite, and why that stack: what result.json
/// writes under <c>tls</c>. <see cref="Stack"/> is <c>own</c> or <c>platform</c>; <see cref="Protocol"/> is null when no
/// handshake succeeded. <see cref="Warning"/> says when the platform served because the own client could not run here.
/// </summary>
public sealed record TlsOriginUse(
    string Origin, string Stack, string? Protocol, string? CipherSuite, string Reason, string? Warning,
    long OwnConnections, long PlatformConnections)
{
    /// <summary>The stack's name in reports: the bench's own TLS client.</summary>
    public const string OwnStack = "own";

    /// <summary>The stack's name in reports: the platform's SslStream.</summary>
    public const string PlatformStack = "platform";

    /// <summary>One line for people, e.g. "own TLS 1.2 (TLS_ECDHE_RSA_...): the server accepted TLS 1.2".</summary>
    public string Describe()
    {
        string what = Protocol is null
            ? $"{Stack}, no handshake made"
            : $"{Stack} {Protocol}" + (CipherSuite is null ? "" : $" ({CipherSuite})");
        return $"{what}: {Reason}";
    }
}
