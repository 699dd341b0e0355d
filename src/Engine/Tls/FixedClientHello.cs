namespace IsuBench.Engine.Tls;

/// <summary>
/// A ClientHello and its key share given instead of fresh ones, so that a recorded handshake (RFC 8448's traces) can be
/// replayed against the client: the server's recorded messages are signed over the recorded ClientHello, byte for byte.
/// Never used for a connection of a run. The handshake disposes <see cref="Share"/>.
/// </summary>
internal sealed record FixedClientHello(X25519KeyShare Share, byte[] HandshakeMessage)
{
    /// <summary>The message (header included) and its legacy_session_id, which the ServerHello must echo.</summary>
    public byte[] Message(out byte[] sessionId)
    {
        // handshake header (4), legacy_version (2), random (32), then legacy_session_id<0..32>.
        const int at = 4 + 2 + 32;
        sessionId = HandshakeMessage.AsSpan(at + 1, HandshakeMessage[at]).ToArray();
        return HandshakeMessage;
    }
}
