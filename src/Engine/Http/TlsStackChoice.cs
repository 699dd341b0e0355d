namespace IsuBench.Engine.Http;

/// <summary>Which TLS stack carries https connections (<c>--tls</c>).</summary>
public enum TlsStackChoice
{
    /// <summary>The bench's own TLS client where the server accepts what it offers, else the platform's (the default).</summary>
    Auto,

    /// <summary>The bench's own TLS client only: a server that accepts nothing it offers fails every connection, and says why.</summary>
    Own,

    /// <summary>The platform's <c>SslStream</c> always (OpenSSL on Linux), whatever the server speaks.</summary>
    Platform,
}
