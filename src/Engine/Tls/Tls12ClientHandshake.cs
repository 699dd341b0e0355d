using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// The rest of a full TLS 1.2 handshake once the ServerHello chose it (RFC 5246 §7.3) with ECDHE over X25519 (RFC 8422) and
/// AES-128-GCM (RFC 5288): Certificate (the leaf's key, no chain check), ServerKeyExchange (its signature checked),
/// ServerHelloDone; then ClientKeyExchange, ChangeCipherSpec and the protected Finished; then the server's ChangeCipherSpec and
/// Finished, checked. The master secret is the extended one (RFC 7627) when the server echoed the extension. No resumption: the
/// server never sees a session id or ticket it issued, so every handshake is a full one.
/// </summary>
internal sealed class Tls12ClientHandshake(
    Stream connection, TlsRecordReader records, HandshakeMessages messages, IncrementalHash transcript, X25519KeyShare share,
    byte[] clientRandom, byte[] serverRandom, ushort suite, bool extendedMasterSecret)
{
    // client_write_key, server_write_key (16 each), then client_write_IV, server_write_IV (4 each): "the client_write_MAC_key
    // ... are empty" for AEAD suites (RFC 5246 §6.3, RFC 5288 §3).
    private const int KeyBlockLength = 2 * Tls12RecordProtection.KeyLength + 2 * Tls12RecordProtection.SaltLength;

    /// <summary>Runs the handshake to its end and returns the connection's record protection.</summary>
    public async Task<TlsHandshakeResult> RunAsync(CancellationToken cancellationToken)
    {
        var certificate = await NextAsync(protection: null, cancellationToken);
        if (certificate.Type != TlsContentType.Message.Certificate) throw TlsClientHandshake.Unexpected(certificate.Type, "Certificate");
        byte[] leaf = ReadLeafCertificate(HandshakeMessages.Body(certificate.Message));
        transcript.AppendData(certificate.Message.Span);

        var keyExchange = await NextAsync(protection: null, cancellationToken);
        if (keyExchange.Type != TlsContentType.Message.ServerKeyExchange)
            throw TlsClientHandshake.Unexpected(keyExchange.Type, "ServerKeyExchange");
        var (group, serverPoint) = ReadServerKeyExchange(HandshakeMessages.Body(keyExchange.Message), leaf);
        transcript.AppendData(keyExchange.Message.Span);

        var done = await NextAsync(protection: null, cancellationToken);
        if (done.Type == TlsContentType.Message.CertificateRequest)
            throw new TlsException("the server asks for a client certificate, which this client does not send");
        if (done.Type != TlsContentType.Message.ServerHelloDone) throw TlsClientHandshake.Unexpected(done.Type, "ServerHelloDone");
        if (HandshakeMessages.Body(done.Message).Length != 0)
            throw new TlsException("the server's ServerHelloDone is not empty (decode_error)");
        if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after its ServerHelloDone");
        transcript.AppendData(done.Message.Span);

        // ClientECDiffieHellmanPublic: "opaque point <1..2^8-1>" (RFC 8422 §5.7); X25519's premaster secret is the shared
        // secret itself, secp256r1's the x-coordinate of the shared point (RFC 8422 §5.10).
        byte[] clientPoint;
        byte[] preMasterSecret;
        if (group == X25519KeyShare.Group)
        {
            clientPoint = new byte[X25519KeyShare.KeyLength];
            share.WritePublicKey(clientPoint);
            preMasterSecret = share.Agree(serverPoint);
        }
        else
        {
            using var p256 = new P256KeyShare();
            clientPoint = p256.PublicPoint();
            preMasterSecret = p256.Agree(serverPoint);
        }
        byte[] clientKeyExchange =
            [TlsContentType.Message.ClientKeyExchange, 0, 0, (byte)(1 + clientPoint.Length), (byte)clientPoint.Length, .. clientPoint];
        transcript.AppendData(clientKeyExchange);

        byte[] masterSecret = extendedMasterSecret
            ? Tls12Prf.ExtendedMasterSecret(preMasterSecret, transcript.GetCurrentHash())
            : Tls12Prf.MasterSecret(preMasterSecret, clientRandom, serverRandom);
        CryptographicOperations.ZeroMemory(preMasterSecret);
        byte[] keyBlock = Tls12Prf.KeyBlock(masterSecret, serverRandom, clientRandom, KeyBlockLength);
        const int salts = 2 * Tls12RecordProtection.KeyLength;
        var writeKeys = new Tls12RecordProtection(
            keyBlock.AsSpan(0, Tls12RecordProtection.KeyLength), keyBlock.AsSpan(salts, Tls12RecordProtection.SaltLength));
        var readKeys = new Tls12RecordProtection(
            keyBlock.AsSpan(Tls12RecordProtection.KeyLength, Tls12RecordProtection.KeyLength),
            keyBlock.AsSpan(salts + Tls12RecordProtection.SaltLength, Tls12RecordProtection.SaltLength));
        CryptographicOperations.ZeroMemory(keyBlock);
        try
        {
            byte[] clientVerifyData = Tls12Prf.FinishedVerifyData(masterSecret, "client finished", transcript.GetCurrentHash());
            byte[] clientFinished = [TlsContentType.Message.Finished, 0, 0, (byte)clientVerifyData.Length, .. clientVerifyData];
            transcript.AppendData(clientFinished);
            await SendFlightAsync(clientKeyExchange, clientFinished, writeKeys, cancellationToken);

            await ReadChangeCipherSpecAsync(cancellationToken);
            var finished = await NextAsync(readKeys, cancellationToken);
            if (finished.Type != TlsContentType.Message.Finished) throw TlsClientHandshake.Unexpected(finished.Type, "Finished");
            byte[] expected = Tls12Prf.FinishedVerifyData(masterSecret, "server finished", transcript.GetCurrentHash());
            if (!CryptographicOperations.FixedTimeEquals(expected, HandshakeMessages.Body(finished.Message)))
                throw new TlsException("the server's Finished does not match the handshake (decrypt_error)");
            if (messages.HasPartial) throw new TlsException("the server sent handshake bytes after its Finished in the same record");
            return new TlsHandshakeResult(TlsHandshakeResult.Tls12, ClientHello.SuiteName(suite), readKeys, writeKeys, null, null);
        }
        catch
        {
            readKeys.Dispose();
            writeKeys.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(masterSecret);
        }
    }

    private Task<(byte Type, ReadOnlyMemory<byte> Message)> NextAsync(IRecordProtection? protection, CancellationToken cancellationToken) =>
        TlsClientHandshake.NextMessageAsync(records, messages, protection, skipChangeCipherSpec: false, cancellationToken);

    // Certificate: "ASN.1Cert certificate_list<0..2^24-1>", the sender's own certificate first (RFC 5246 §7.4.2).
    private static byte[] ReadLeafCertificate(ReadOnlySpan<byte> body)
    {
        var reader = new TlsSpanReader(body, "Certificate");
        var list = new TlsSpanReader(reader.ReadVector24(), "certificate list");
        reader.ExpectEnd();
        if (list.IsEmpty) throw new TlsException("the server sent no certificate");
        return list.ReadVector24().ToArray();
    }

    // ServerKeyExchange for ECDHE (RFC 8422 §5.4): ServerECDHParams (curve_type named_curve, the group, the point), then the
    // signature (scheme, signature) over client_random + server_random + params, with the leaf's key. Returns the group and point.
    private (ushort Group, byte[] Point) ReadServerKeyExchange(ReadOnlySpan<byte> body, byte[] leaf)
    {
        const byte namedCurve = 3;
        var reader = new TlsSpanReader(body, "ServerKeyExchange");
        if (reader.ReadUInt8() != namedCurve) throw new TlsException("the server's ServerKeyExchange names no curve (illegal_parameter)");
        ushort group = reader.ReadUInt16();
        if (group is not (X25519KeyShare.Group or P256KeyShare.Group))
            throw new TlsException($"the server chose group 0x{group:x4} for ECDHE, which was not offered (illegal_parameter)");
        byte[] point = reader.ReadVector8().ToArray();
        int paramsLength = 1 + 2 + 1 + point.Length;
        ushort scheme = reader.ReadUInt16();
        var signature = reader.ReadVector16();
        reader.ExpectEnd();

        // "ECDHE_RSA ... The server's certificate MUST contain an RSA public key"; ECDHE_ECDSA an ECDSA-capable one (RFC 8422 §2.1, §2.2).
        bool rsa = ServerSignature.HasRsaKey(leaf);
        if (rsa != (suite == ClientHello.EcdheRsaSuite))
            throw new TlsException(
                $"the server chose {ClientHello.SuiteName(suite)} with a certificate whose key is {(rsa ? "RSA" : "not RSA")} "
                + "(illegal_parameter)");
        byte[] signed = [.. clientRandom, .. serverRandom, .. body[..paramsLength]];
        ServerSignature.VerifyKeyExchange(leaf, scheme, signature, signed);
        return (group, point);
    }

    // ClientKeyExchange in the clear, then ChangeCipherSpec, then Finished under the new keys: one write, one round trip.
    private async Task SendFlightAsync(
        byte[] clientKeyExchange, byte[] clientFinished, Tls12RecordProtection writeKeys, CancellationToken cancellationToken)
    {
        const int changeCipherSpecLength = TlsLimits.RecordHeader + 1;
        int keyExchangeLength = TlsLimits.RecordHeader + clientKeyExchange.Length;
        int finishedLength = TlsLimits.RecordHeader + clientFinished.Length + writeKeys.Overhead;
        byte[] flight = new byte[keyExchangeLength + changeCipherSpecLength + finishedLength];
        flight[0] = TlsContentType.Handshake;
        flight[1] = 0x03;
        flight[2] = 0x03;
        flight[3] = (byte)(clientKeyExchange.Length >> 8);
        flight[4] = (byte)clientKeyExchange.Length;
        clientKeyExchange.CopyTo(flight, TlsLimits.RecordHeader);
        byte[] changeCipherSpec = [TlsContentType.ChangeCipherSpec, 0x03, 0x03, 0x00, 0x01, 0x01];
        changeCipherSpec.CopyTo(flight, keyExchangeLength);
        writeKeys.Seal(TlsContentType.Handshake, clientFinished, flight.AsSpan(keyExchangeLength + changeCipherSpecLength));
        await connection.WriteAsync(flight, cancellationToken);
    }

    // The server's ChangeCipherSpec, "a single byte of value 1" (RFC 5246 §7.1), or its alert in the clear.
    private async Task ReadChangeCipherSpecAsync(CancellationToken cancellationToken)
    {
        var record = await records.ReadAsync(cancellationToken)
            ?? throw new TlsException("the server closed the connection during the TLS handshake", connectionEnded: true);
        try
        {
            var fragment = records.Buffer.AsSpan(record.FragmentOffset, record.Length);
            if (record.Type == TlsContentType.Alert) throw TlsAlert.From(fragment);
            if (record.Type != TlsContentType.ChangeCipherSpec || fragment.Length != 1 || fragment[0] != 1)
            {
                throw new TlsException(
                    $"the server sent a record of type {record.Type} where its ChangeCipherSpec belongs (unexpected_message)");
            }
        }
        finally
        {
            records.Release();
        }
    }
}
