namespace IsuBench.Engine.Tls;

/// <summary>
/// The record content types (RFC 8446 §5.1) and handshake message types (§4, and RFC 5246 §7.4 for TLS 1.2) this client reads or writes.
/// </summary>
internal static class TlsContentType
{
    /// <summary>
    /// change_cipher_spec: in TLS 1.3 only the compatibility record, ignored during the handshake (§5); in TLS 1.2 the switch to the new
    /// keys.
    /// </summary>
    public const byte ChangeCipherSpec = 20;

    /// <summary>alert.</summary>
    public const byte Alert = 21;

    /// <summary>handshake.</summary>
    public const byte Handshake = 22;

    /// <summary>application_data, also the outer type of every protected record.</summary>
    public const byte ApplicationData = 23;

    /// <summary>Handshake message types.</summary>
    public static class Message
    {
        /// <summary>
        /// hello_request (TLS 1.2): a server's request to renegotiate, which this client ignores, as RFC 5246 §7.4.1.1 allows.
        /// </summary>
        public const byte HelloRequest = 0;

        /// <summary>client_hello.</summary>
        public const byte ClientHello = 1;

        /// <summary>server_hello.</summary>
        public const byte ServerHello = 2;

        /// <summary>new_session_ticket: post-handshake, ignored (this client resumes nothing, as the original's).</summary>
        public const byte NewSessionTicket = 4;

        /// <summary>encrypted_extensions.</summary>
        public const byte EncryptedExtensions = 8;

        /// <summary>certificate.</summary>
        public const byte Certificate = 11;

        /// <summary>server_key_exchange (TLS 1.2): the server's signed ECDHE parameters.</summary>
        public const byte ServerKeyExchange = 12;

        /// <summary>certificate_request: client authentication, which this client does not do.</summary>
        public const byte CertificateRequest = 13;

        /// <summary>server_hello_done (TLS 1.2).</summary>
        public const byte ServerHelloDone = 14;

        /// <summary>certificate_verify.</summary>
        public const byte CertificateVerify = 15;

        /// <summary>client_key_exchange (TLS 1.2): the client's ECDHE public key.</summary>
        public const byte ClientKeyExchange = 16;

        /// <summary>finished.</summary>
        public const byte Finished = 20;

        /// <summary>key_update.</summary>
        public const byte KeyUpdate = 24;
    }
}
