using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// The client's side of a full handshake. One ClientHello offers TLS 1.3 and TLS 1.2; a ServerHello that chose TLS 1.2 hands
/// the rest to <see cref="Tls12ClientHandshake"/>. TLS 1.3 here (RFC 8446 §2, no PSK, no early data, no client certificate):
/// ServerHello; then, protected, EncryptedExtensions, Certificate, CertificateVerify and Finished, each checked; then the
/// compatibility change_cipher_spec and the client's Finished.
/// </summary>
internal static class TlsClientHandshake
{
    // "SHA-256 of "HelloRetryRequest"" (§4.1.3): a ServerHello with this random asks for another key share.
    private static readonly byte[] HelloRetryRequestRandom = Convert.FromHexString("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

    // "TLS 1.3 servers which negotiate TLS 1.2 or below in response to a ClientHello MUST set the last 8 bytes of their Random
    // value specially ...: 44 4F 57 4E 47 52 44 01" (§4.1.3). Only an attacker's or a broken middlebox's ServerHello has it.
    private static readonly byte[] DowngradeSentinel = [0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01];

    /// <summary>
    /// Runs the handshake over <paramref name="connection"/>, reading records through <paramref name="records"/>. A
    /// <paramref name="fixedHello"/> replaces the fresh key share and ClientHello, for a recorded trace to be replayed.
    /// </summary>
    public static async Task<TlsHandshakeResult> RunAsync(
        Stream connection, TlsRecordReader records, string? serverName, CancellationToken cancellationToken,
        FixedClientHello? fixedHello = null)
    {
        using var transcript = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var share = fixedHello?.Share ?? X25519KeyShare.Generate();
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
        ServerHello chosen;
        try
        {
            serverHello = await NextMessageAsync(records, messages, protection: null, skipChangeCipherSpec: true, cancellationToken);
            if (serverHello.Type != TlsContentType.Message.ServerHello) throw Unexpected(serverHello.Type, "ServerHello");
            chosen = ReadServerHello(HandshakeMessages.Body(serverHello.Message).ToArray(), sessionId);
        }
        catch (TlsException refused) when (!refused.ConnectionEnded)
        {
            // Up to its ServerHello, whatever the server said or sent wrongly says it would speak nothing this client offers; a
            // connection that merely ended says nothing of the kind, and stays a transport failure.
            throw new TlsException(refused.Message, offerRefused: true);
        }
        if (chosen.Version == ClientHello.Tls12 && chosen.Random.AsSpan(24).SequenceEqual(DowngradeSentinel))
        {
            throw new TlsException(
                "the server's TLS 1.2 ServerHello carries TLS 1.3's downgrade sentinel: something between forced TLS 1.2 "
                + "(illegal_parameter)");
        }
        transcript.AppendData(serverHello.Message.Span);

        byte[] clientRandom = hello.AsSpan(4 + 2, 32).ToArray();
        if (chosen.Version == ClientHello.Tls12)
        {
            var tls12 = new Tls12ClientHandshake(connection, records, messages, transcript, share, clientRandom, chosen.Random,
                chosen.Suite, chosen.ExtendedMasterSecret);
            return await tls12.RunAsync(cancellationToken);
        }
        // TLS 1.2's server flight may share records; in TLS 1.3 the keys change after ServerHello, so nothing may follow it (§5.1).
        if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after ServerHello in the same plaintext record");
        var schedule = new TlsKeySchedule();
        schedule.DeriveHandshakeSecrets(share.Agree(chosen.Share), transcript.GetCurrentHash());
        return await RunTls13Async(connection, records, messages, transcript, schedule, cancellationToken);
    }

    // The next handshake message: reads records until one is whole. Before the keys are set, handshake records come in the
    // clear; after, protected. TLS 1.3's compatibility change_cipher_spec records are skipped where TLS 1.3 allows them (TLS
    // 1.2's one is read by its own handshake); an alert ends the handshake.
    internal static async Task<(byte Type, ReadOnlyMemory<byte> Message)> NextMessageAsync(
        TlsRecordReader records, HandshakeMessages messages, IRecordProtection? protection, bool skipChangeCipherSpec,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            if (messages.TryTake(out byte type, out var message)) return (type, message);
            var record = await records.ReadAsync(cancellationToken)
                ?? throw new TlsException("the server closed the connection during the TLS handshake", connectionEnded: true);
            try
            {
                var buffer = records.Buffer;
                var fragment = buffer.AsSpan(record.FragmentOffset, record.Length);
                byte contentType = record.Type;
                if (contentType == TlsContentType.ChangeCipherSpec)
                {
                    if (skipChangeCipherSpec) continue;
                    throw new TlsException("the server sent change_cipher_spec where a handshake message belongs (unexpected_message)");
                }
                if (protection is not null)
                {
                    (contentType, int offset, int length) = protection.Open(buffer.AsSpan(record.Offset, TlsLimits.RecordHeader), fragment);
                    fragment = fragment.Slice(offset, length);
                }
                if (contentType == TlsContentType.Alert) throw TlsAlert.From(fragment);
                if (contentType != TlsContentType.Handshake)
                    throw new TlsException($"the server sent a record of type {contentType} during the handshake");
                if (fragment.IsEmpty) throw new TlsException("the server sent an empty handshake record (unexpected_message)");
                messages.Add(fragment);
            }
            finally
            {
                records.Release();
            }
        }
    }

    /// <summary>The error for a handshake message where another belongs.</summary>
    internal static TlsException Unexpected(byte type, string expected) =>
        new($"the server sent handshake message {type} where {expected} belongs (unexpected_message)");

    private static async Task<TlsHandshakeResult> RunTls13Async(
        Stream connection, TlsRecordReader records, HandshakeMessages messages, IncrementalHash transcript, TlsKeySchedule schedule,
        CancellationToken cancellationToken)
    {
        using var serverKeys = new RecordProtection(schedule.ServerHandshakeSecret);
        var extensions = await NextMessageAsync(records, messages, serverKeys, skipChangeCipherSpec: true, cancellationToken);
        if (extensions.Type != TlsContentType.Message.EncryptedExtensions) throw Unexpected(extensions.Type, "EncryptedExtensions");
        transcript.AppendData(extensions.Message.Span);

        var certificate = await NextMessageAsync(records, messages, serverKeys, skipChangeCipherSpec: true, cancellationToken);
        if (certificate.Type == TlsContentType.Message.CertificateRequest)
            throw new TlsException("the server asks for a client certificate, which this client does not send");
        if (certificate.Type != TlsContentType.Message.Certificate) throw Unexpected(certificate.Type, "Certificate");
        byte[] leaf = ReadLeafCertificate(HandshakeMessages.Body(certificate.Message));
        transcript.AppendData(certificate.Message.Span);

        var verify = await NextMessageAsync(records, messages, serverKeys, skipChangeCipherSpec: true, cancellationToken);
        if (verify.Type != TlsContentType.Message.CertificateVerify) throw Unexpected(verify.Type, "CertificateVerify");
        var verifyReader = new TlsSpanReader(HandshakeMessages.Body(verify.Message), "CertificateVerify");
        ushort scheme = verifyReader.ReadUInt16();
        var signature = verifyReader.ReadVector16();
        verifyReader.ExpectEnd();
        ServerSignature.Verify(leaf, scheme, signature, transcript.GetCurrentHash());
        transcript.AppendData(verify.Message.Span);

        var finished = await NextMessageAsync(records, messages, serverKeys, skipChangeCipherSpec: true, cancellationToken);
        if (finished.Type != TlsContentType.Message.Finished) throw Unexpected(finished.Type, "Finished");
        byte[] expected = TlsKeySchedule.FinishedVerifyData(schedule.ServerHandshakeSecret, transcript.GetCurrentHash());
        if (!CryptographicOperations.FixedTimeEquals(expected, HandshakeMessages.Body(finished.Message)))
            throw new TlsException("the server's Finished does not match the handshake (decrypt_error)");
        if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after its Finished in the same record");
        transcript.AppendData(finished.Message.Span);

        byte[] handshakeHash = transcript.GetCurrentHash();
        var (clientSecret, serverSecret) = schedule.DeriveApplicationSecrets(handshakeHash);
        await SendFinishedAsync(connection, schedule.ClientHandshakeSecret, handshakeHash, cancellationToken);
        return new TlsHandshakeResult(TlsHandshakeResult.Tls13, ClientHello.SuiteName(ClientHello.CipherSuite),
            new RecordProtection(serverSecret), new RecordProtection(clientSecret), clientSecret, serverSecret);
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

    // ServerHello: legacy_version, random, legacy_session_id_echo, cipher_suite, legacy_compression_method, extensions (§4.1.3;
    // RFC 5246 §7.4.1.3 for TLS 1.2). Without supported_versions the server chose TLS 1.2 (or older, which is refused).
    private static ServerHello ReadServerHello(ReadOnlySpan<byte> body, byte[] sessionId)
    {
        var reader = new TlsSpanReader(body, "ServerHello");
        ushort legacyVersion = reader.ReadUInt16();
        byte[] random = reader.Take(32).ToArray();
        if (random.AsSpan().SequenceEqual(HelloRetryRequestRandom))
            throw new TlsException("the server asked for a key share other than X25519 (HelloRetryRequest), the only one this client offers");
        var sessionIdEcho = reader.ReadVector8();
        bool echoed = sessionIdEcho.SequenceEqual(sessionId);
        ushort suite = reader.ReadUInt16();
        if (reader.ReadUInt8() != 0) throw new TlsException("the server chose a compression method (illegal_parameter)");
        var extensions = new TlsSpanReader(reader.IsEmpty ? [] : reader.ReadVector16(), "ServerHello extensions");
        reader.ExpectEnd();
        ushort version = 0;
        byte[]? share = null;
        bool extendedMasterSecret = false;
        while (!extensions.IsEmpty)
        {
            ushort type = extensions.ReadUInt16();
            var data = new TlsSpanReader(extensions.ReadVector16(), "ServerHello extension");
            switch (type)
            {
                case ClientHello.Extension.SupportedVersions:
                    version = data.ReadUInt16();
                    data.ExpectEnd();
                    break;
                case ClientHello.Extension.KeyShare:
                    if (data.ReadUInt16() != X25519KeyShare.Group)
                        throw new TlsException("the server's key share is not for X25519, the group offered");
                    share = data.ReadVector16().ToArray();
                    data.ExpectEnd();
                    break;
                case ClientHello.Extension.ExtendedMasterSecret:
                    data.ExpectEnd();
                    extendedMasterSecret = true;
                    break;
                case ClientHello.Extension.RenegotiationInfo:
                    // "the client MUST then verify that the length of the "renegotiated_connection" field is zero" (RFC 5746 §3.4).
                    if (data.ReadVector8().Length != 0)
                        throw new TlsException("the server's renegotiation_info is not empty on a first handshake (handshake_failure)");
                    data.ExpectEnd();
                    break;
                case ClientHello.Extension.EcPointFormats:
                    if (data.ReadVector8().IndexOf((byte)0) < 0)
                        throw new TlsException("the server's ec_point_formats lacks uncompressed (illegal_parameter)");
                    data.ExpectEnd();
                    break;
            }
        }
        if (version == ClientHello.Tls13)
        {
            if (!echoed) throw new TlsException("the server's ServerHello does not echo the session id (illegal_parameter)");
            if (suite != ClientHello.CipherSuite)
                throw new TlsException($"the server chose cipher suite 0x{suite:x4} for TLS 1.3, which was not offered");
            if (share is null) throw new TlsException("the server's ServerHello has no key share (missing_extension)");
            return new ServerHello(version, random, suite, share, ExtendedMasterSecret: false);
        }
        if (version != 0 || legacyVersion != ClientHello.Tls12)
        {
            ushort chosen = version == 0 ? legacyVersion : version;
            throw new TlsException(
                $"the server speaks neither TLS 1.3 nor TLS 1.2 (it chose version 0x{chosen:x4}), the versions this client offers");
        }
        if (suite is not (ClientHello.EcdheRsaSuite or ClientHello.EcdheEcdsaSuite))
            throw new TlsException($"the server chose cipher suite 0x{suite:x4} for TLS 1.2, which was not offered");
        if (share is not null) throw new TlsException("the server's TLS 1.2 ServerHello has a key share (illegal_parameter)");
        // The session id offered is fresh and random: a server that echoes it claims to resume a session that never was.
        if (echoed && sessionId.Length > 0)
            throw new TlsException("the server's TLS 1.2 ServerHello resumes a session this client never had (illegal_parameter)");
        return new ServerHello(ClientHello.Tls12, random, suite, [], extendedMasterSecret);
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

    // What a ServerHello chose. Share: the server's X25519 key share (TLS 1.3); ExtendedMasterSecret: echoed (TLS 1.2).
    private sealed record ServerHello(ushort Version, byte[] Random, ushort Suite, byte[] Share, bool ExtendedMasterSecret);
}
