using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// The client's side of a full TLS 1.3 handshake (RFC 8446 §2, no PSK, no early data, no client certificate): ClientHello;
/// ServerHello; then, protected, EncryptedExtensions, Certificate, CertificateVerify and Finished, each checked; then the
/// compatibility change_cipher_spec and the client's Finished. Returns the application traffic secrets.
/// </summary>
internal static class TlsClientHandshake
{
    // "SHA-256 of "HelloRetryRequest"" (§4.1.3): a ServerHello with this random asks for another key share.
    private static readonly byte[] HelloRetryRequestRandom = Convert.FromHexString("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    /// <summary>
    /// Runs the handshake over <paramref name="connection"/>, reading records through <paramref name="records"/>. A
    /// <paramref name="fixedHello"/> replaces the fresh key share and ClientHello, for a recorded trace to be replayed.
    /// </summary>
    public static async Task<(byte[] ClientSecret, byte[] ServerSecret)> RunAsync(
        Stream connection, TlsRecordReader records, string? serverName, CancellationToken cancellationToken,
        FixedClientHello? fixedHello = null)
    {
        using var transcript = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var share = fixedHello?.Share ?? X25519KeyShare.Generate();
        var schedule = new TlsKeySchedule();
        var messages = new HandshakeMessages();

        byte[] sessionId;
        byte[] hello = fixedHello is null ? NewClientHello(share, serverName, out sessionId) : fixedHello.Message(out sessionId);
        transcript.AppendData(hello);
        byte[] helloRecord = new byte[TlsLimits.RecordHeader + hello.Length];
        helloRecord[0] = TlsContentType.Handshake;
        helloRecord[1] = 0x03;
        helloRecord[2] = 0x01; // "legacy_record_version ... MUST be set to 0x0303 ... except for the initial ClientHello ... 0x0301"
        helloRecord[3] = (byte)(hello.Length >> 8);
        helloRecord[4] = (byte)hello.Length;
        hello.CopyTo(helloRecord, TlsLimits.RecordHeader);
        await connection.WriteAsync(helloRecord, cancellationToken);

        (byte Type, ReadOnlyMemory<byte> Message) serverHello;
        byte[] serverShare;
        try
        {
            serverHello = await NextMessageAsync(records, messages, protection: null, cancellationToken);
            if (serverHello.Type != TlsContentType.Message.ServerHello) throw Unexpected(serverHello.Type, "ServerHello");
            serverShare = ReadServerHello(HandshakeMessages.Body(serverHello.Message).ToArray(), sessionId);
        }
        catch (TlsException refused) when (!refused.ConnectionEnded)
        {
            // Up to its ServerHello, whatever the server said or sent wrongly says it would not speak this client's TLS 1.3; a
            // connection that merely ended says nothing of the kind, and stays a transport failure.
            throw new TlsException(refused.Message, notTls13: true);
        }
        if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after ServerHello in the same plaintext record");
        transcript.AppendData(serverHello.Message.Span);
        schedule.DeriveHandshakeSecrets(share.Agree(serverShare), transcript.GetCurrentHash());

        using var serverKeys = new RecordProtection(schedule.ServerHandshakeSecret);
        var extensions = await NextMessageAsync(records, messages, serverKeys, cancellationToken);
        if (extensions.Type != TlsContentType.Message.EncryptedExtensions) throw Unexpected(extensions.Type, "EncryptedExtensions");
        transcript.AppendData(extensions.Message.Span);

        var certificate = await NextMessageAsync(records, messages, serverKeys, cancellationToken);
        if (certificate.Type == TlsContentType.Message.CertificateRequest)
            throw new TlsException("the server asks for a client certificate, which this client does not send");
        if (certificate.Type != TlsContentType.Message.Certificate) throw Unexpected(certificate.Type, "Certificate");
        byte[] leaf = ReadLeafCertificate(HandshakeMessages.Body(certificate.Message));
        transcript.AppendData(certificate.Message.Span);

        var verify = await NextMessageAsync(records, messages, serverKeys, cancellationToken);
        if (verify.Type != TlsContentType.Message.CertificateVerify) throw Unexpected(verify.Type, "CertificateVerify");
        var verifyReader = new TlsSpanReader(HandshakeMessages.Body(verify.Message), "CertificateVerify");
        ushort scheme = verifyReader.ReadUInt16();
        var signature = verifyReader.ReadVector16();
        verifyReader.ExpectEnd();
        ServerSignature.Verify(leaf, scheme, signature, transcript.GetCurrentHash());
        transcript.AppendData(verify.Message.Span);

        var finished = await NextMessageAsync(records, messages, serverKeys, cancellationToken);
        if (finished.Type != TlsContentType.Message.Finished) throw Unexpected(finished.Type, "Finished");
        byte[] expected = TlsKeySchedule.FinishedVerifyData(schedule.ServerHandshakeSecret, transcript.GetCurrentHash());
        if (!CryptographicOperations.FixedTimeEquals(expected, HandshakeMessages.Body(finished.Message)))
            throw new TlsException("the server's Finished does not match the handshake (decrypt_error)");
        if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after its Finished in the same record");
        transcript.AppendData(finished.Message.Span);

        byte[] handshakeHash = transcript.GetCurrentHash();
        var secrets = schedule.DeriveApplicationSecrets(handshakeHash);
        await SendFinishedAsync(connection, schedule.ClientHandshakeSecret, handshakeHash, cancellationToken);
        return secrets;
    }

    private static byte[] NewClientHello(X25519KeyShare share, string? serverName, out byte[] sessionId)
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        sessionId = RandomNumberGenerator.GetBytes(32);
        Span<byte> publicKey = stackalloc byte[X25519KeyShare.KeyLength];
        share.WritePublicKey(publicKey);
        return ClientHello.Build(random, sessionId, publicKey, serverName);
    }

    // ServerHello: legacy_version, random, legacy_session_id_echo, cipher_suite, legacy_compression_method, extensions (§4.1.3).
    // Returns the server's key share.
    private static byte[] ReadServerHello(ReadOnlySpan<byte> body, byte[] sessionId)
    {
        var reader = new TlsSpanReader(body, "ServerHello");
        reader.ReadUInt16();
        if (reader.Take(32).SequenceEqual(HelloRetryRequestRandom))
            throw new TlsException("the server asked for a key share other than X25519 (HelloRetryRequest), the only one this client offers");
        if (!reader.ReadVector8().SequenceEqual(sessionId)) throw new TlsException("the server's ServerHello does not echo the session id (illegal_parameter)");
        ushort suite = reader.ReadUInt16();
        if (reader.ReadUInt8() != 0) throw new TlsException("the server chose a compression method (illegal_parameter)");
        var extensions = new TlsSpanReader(reader.ReadVector16(), "ServerHello extensions");
        reader.ExpectEnd();
        ushort version = 0;
        byte[]? share = null;
        while (!extensions.IsEmpty)
        {
            ushort type = extensions.ReadUInt16();
            var data = new TlsSpanReader(extensions.ReadVector16(), "ServerHello extension");
            if (type == ClientHello.Extension.SupportedVersions)
            {
                version = data.ReadUInt16();
                data.ExpectEnd();
            }
            else if (type == ClientHello.Extension.KeyShare)
            {
                if (data.ReadUInt16() != X25519KeyShare.Group) throw new TlsException("the server's key share is not for X25519, the group offered");
                share = data.ReadVector16().ToArray();
                data.ExpectEnd();
            }
        }
        if (version != ClientHello.Tls13)
            throw new TlsException($"the server does not speak TLS 1.3 (it chose version 0x{(version == 0 ? 0x0303 : version):x4}), the only version this client offers");
        if (suite != ClientHello.CipherSuite) throw new TlsException($"the server chose cipher suite 0x{suite:x4}, which was not offered");
        return share ?? throw new TlsException("the server's ServerHello has no key share (missing_extension)");
    }

    // Certificate: certificate_request_context, then CertificateEntry list (cert_data, extensions); the first is the leaf (§4.4.2).
    private static byte[] ReadLeafCertificate(ReadOnlySpan<byte> body)
    {
        var reader = new TlsSpanReader(body, "Certificate");
        reader.ReadVector8();
        var entries = new TlsSpanReader(reader.ReadVector24(), "certificate list");
        reader.ExpectEnd();
        if (entries.IsEmpty) throw new TlsException("the server sent no certificate");
        return entries.ReadVector24().ToArray();
    }

    private static async Task SendFinishedAsync(Stream connection, byte[] clientHandshakeSecret, byte[] handshakeHash, CancellationToken cancellationToken)
    {
        byte[] verifyData = TlsKeySchedule.FinishedVerifyData(clientHandshakeSecret, handshakeHash);
        byte[] finished = [TlsContentType.Message.Finished, 0, 0, (byte)verifyData.Length, .. verifyData];
        byte[] flight = new byte[6 + TlsLimits.RecordHeader + finished.Length + 1 + TlsLimits.Tag];
        // The compatibility change_cipher_spec (§D.4), then the protected Finished.
        byte[] changeCipherSpec = [TlsContentType.ChangeCipherSpec, 0x03, 0x03, 0x00, 0x01, 0x01];
        changeCipherSpec.CopyTo(flight, 0);
        using var clientKeys = new RecordProtection(clientHandshakeSecret);
        clientKeys.Seal(TlsContentType.Handshake, finished, flight.AsSpan(6));
        await connection.WriteAsync(flight, cancellationToken);
    }

    // The next handshake message: reads records until one is whole. Before the keys are set, handshake records come in the
    // clear; after, protected. Compatibility change_cipher_spec records are skipped; an alert ends the handshake.
    private static async Task<(byte Type, ReadOnlyMemory<byte> Message)> NextMessageAsync(
        TlsRecordReader records, HandshakeMessages messages, RecordProtection? protection, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (messages.TryTake(out byte type, out var message)) return (type, message);
            var record = await records.ReadAsync(cancellationToken) ?? throw new TlsException("the server closed the connection during the TLS handshake", connectionEnded: true);
            try
            {
                var buffer = records.Buffer;
                var fragment = buffer.AsSpan(record.FragmentOffset, record.Length);
                byte contentType = record.Type;
                if (contentType == TlsContentType.ChangeCipherSpec) continue;
                if (protection is not null)
                {
                    if (contentType != TlsContentType.ApplicationData) throw new TlsException($"the server sent an unprotected record of type {contentType} after ServerHello");
                    (contentType, int length) = protection.Open(buffer.AsSpan(record.Offset, TlsLimits.RecordHeader), fragment);
                    fragment = fragment[..length];
                }
                if (contentType == TlsContentType.Alert) throw TlsAlert.From(fragment);
                if (contentType != TlsContentType.Handshake) throw new TlsException($"the server sent a record of type {contentType} during the handshake");
                if (fragment.IsEmpty) throw new TlsException("the server sent an empty handshake record (unexpected_message)");
                messages.Add(fragment);
            }
            finally
            {
                records.Release();
            }
        }
    }

    private static TlsException Unexpected(byte type, string expected) =>
        new($"the server sent handshake message {type} where {expected} belongs (unexpected_message)");
}
