using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// The whole handshake of RFC 8448 §3 ("Simple 1-RTT Handshake"), replayed against the own client: with the RFC's ephemeral
/// X25519 key and ClientHello, the client reads the RFC's recorded ServerHello and encrypted flight (its certificate's
/// CertificateVerify and Finished checked as for any server), and must send the RFC's Finished record byte for byte, derive its
/// application traffic keys, and then seal and open the RFC's application data records. Every hex string below is RFC 8448 §3's.
/// </summary>
/// <remarks>
/// The client's own ClientHello differs from the RFC's on purpose (TLS 1.2 offered beside 1.3, one group, a 32-byte session id,
/// as the original benchmark's Go client); the recorded messages are signed over the RFC's, so the replay sends that one, and
/// <see cref="The_clients_own_ClientHello_carries_the_RFCs_random_and_key_share_where_the_RFCs_does"/> holds what the two share.
/// </remarks>
public sealed class Rfc8448HandshakeTests
{
    private const string ClientPrivateKey = "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005";
    private const string ClientPublicKey = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";
    private const string ClientRandom = "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7";

    private const string ClientHelloMessage =
        "010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7000006130113031302010000910000000b0009000006"
        + "736572766572ff01000100000a00140012001d0017001800190100010101020103010400230000003300260024001d002099381de560e4bd43d23d8e"
        + "435a7dbafeb3c06e51c13cae4d5413691e529aaf2c002b0003020304000d0020001e0403050306030203080408050806040105010601020104020502"
        + "06020202002d00020101001c00024001";

    private const string ServerHelloRecord =
        "160303005a020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100002e00330024001d0020c98288"
        + "76112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304";

    private const string ServerFlightRecord =
        "17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35edf7869fcf40aa40aa2b8ea73f848a7ca07612ef9f945cb960b406890"
        + "5123ea78b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7b13bd9aefb0e57f271585b8ea9bb355c7c79020716cfb9b1183e"
        + "f3ab20e37d57a6b9d7477609aee6e122a4cf51427325250c7d0e509289444c9b3a648f1d71035d2ed65b0e3cdd0cbae8bf2d0b227812cbb360987255"
        + "cc744110c453baa4fcd610928d809810e4b7ed1a8fd991f06aa6248204797e36a6a73b70a2559c09ead686945ba246ab66e5edd8044b4c6de3fcf2a8"
        + "9441ac66272fd8fb330ef8190579b3684596c960bd596eea520a56a8d650f563aad27409960dca63d3e688611ea5e22f4415cf9538d51a200c270342"
        + "72968a264ed6540c84838d89f72c24461aad6d26f59ecaba9acbbb317b66d902f4f292a36ac1b639c637ce343117b659622245317b49eeda0c6258f1"
        + "00d7d961ffb138647e92ea330faeea6dfa31c7a84dc3bd7e1b7a6c7178af36879018e3f252107f243d243dc7339d5684c8b0378bf30244da8c87c843"
        + "f5e56eb4c5e8280a2b48052cf93b16499a66db7cca71e4599426f7d461e66f99882bd89fc50800becca62d6c74116dbd2972fda1fa80f85df881edbe"
        + "5a37668936b335583b599186dc5c6918a396fa48a181d6b6fa4f9d62d513afbb992f2b992f67f8afe67f76913fa388cb5630c8ca01e0c65d11c66a1e"
        + "2ac4c85977b7c7a6999bbf10dc35ae69f5515614636c0b9b68c19ed2e31c0b3b66763038ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f"
        + "60f0504de93b5b845e275592c12335ee340bbc4fddd502784016e4b3be7ef04dda49f4b440a30cb5d2af939828fd4ae3794e44f94df5a631ede42c17"
        + "19bfdabf0253fe5175be898e750edc53370d2b";

    private const string ClientFinishedRecord =
        "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384bd1caeacab6867d726c40546";

    private const string ServerTicketRecord =
        "17030300de3a6b8f90414a97d6959c3487680de5134a2b240e6cffac116e95d41d6af8f6b580dcf3d11d63c758db289a015940252f55713e061dc13e"
        + "078891a38efbcf5753ad8ef170ad3c7353d16d9da773b9ca7f2b9fa1b6c0d4a3d03f75e09c30ba1e62972ac46f75f7b981be63439b2999ce13064615"
        + "139891d5e4c5b406f16e3fc181a77ca475840025db2f0a77f81b5ab05b94c01346755f69232c86519d86cbeeac87aac347d143f9605d64f650db4d02"
        + "3e70e952ca49fe5137121c74bc2697687e248746d6df353005f3bce18696129c8153556b3b6c6779b37bf15985684f";

    private const string ClientApplicationRecord =
        "1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f2b9819a8a5b46b395bd54a9a20441e2b62974e1f5a6292a2977014bd"
        + "1e3deae63aeebb21694915e4";

    private const string ServerApplicationRecord =
        "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a59a8fcc49c4bf2e5f0a21c0047c2"
        + "abf332540dd032e167c2955d";

    // "payload (50 octets): 00 01 02 ... 31", both ways.
    private static readonly byte[] Payload = [.. Enumerable.Range(0, 50).Select(i => (byte)i)];

    [Fact]
    public async Task The_client_sends_the_RFCs_Finished_and_derives_its_application_traffic_keys()
    {
        var wire = new ReplayedServer(Hex(ServerHelloRecord), Hex(ServerFlightRecord));
        var records = new TlsRecordReader(wire);

        var handshake = await TlsClientHandshake.RunAsync(wire, records, "server", CancellationToken.None, RfcClientHello());
        byte[] clientSecret = handshake.ClientSecret!;
        byte[] serverSecret = handshake.ServerSecret!;
        Assert.Equal(("TLS 1.3", "TLS_AES_128_GCM_SHA256"), (handshake.Protocol, handshake.CipherSuite));

        byte[] sent = wire.Sent();
        // The ClientHello went out as the RFC's record ("16 03 01 00 c4" and the message), then the compatibility
        // change_cipher_spec (RFC 8446 §D.4, which the RFC's trace omits), then exactly the RFC's protected Finished.
        Assert.Equal("16030100c4" + ClientHelloMessage, Convert.ToHexStringLower(sent[..(5 + 196)]));
        Assert.Equal("140303000101" + ClientFinishedRecord, Convert.ToHexStringLower(sent[(5 + 196)..]));
        Assert.Equal("9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5", Convert.ToHexStringLower(clientSecret));
        Assert.Equal("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643", Convert.ToHexStringLower(serverSecret));
        var (clientKey, clientIv) = TlsKeySchedule.TrafficKeys(clientSecret, RecordProtection.KeyLength);
        var (serverKey, serverIv) = TlsKeySchedule.TrafficKeys(serverSecret, RecordProtection.KeyLength);
        Assert.Equal(("17422dda596ed5d9acd890e3c63f5051", "5b78923dee08579033e523d9"),
            (Convert.ToHexStringLower(clientKey), Convert.ToHexStringLower(clientIv)));
        Assert.Equal(("9f02283b6c9c07efc26bb9f2ac92e356", "cf782b88dd83549aadf1e984"),
            (Convert.ToHexStringLower(serverKey), Convert.ToHexStringLower(serverIv)));
    }

    [Fact]
    public async Task After_the_handshake_the_stream_seals_the_RFCs_application_data_and_opens_the_servers_after_its_ticket()
    {
        var wire = new ReplayedServer(
            Hex(ServerHelloRecord), Hex(ServerFlightRecord), Hex(ServerTicketRecord), Hex(ServerApplicationRecord));

        await using var tls = await TlsClientStream.ConnectAsync(wire, "server", RfcClientHello(), CancellationToken.None);
        int handshakeBytes = wire.Sent().Length;
        await tls.WriteAsync(Payload);
        byte[] received = new byte[100];
        int read = 0;
        while (read < Payload.Length)
        {
            int count = await tls.ReadAsync(received.AsMemory(read));
            Assert.NotEqual(0, count);
            read += count;
        }

        Assert.Equal(ClientApplicationRecord, Convert.ToHexStringLower(wire.Sent()[handshakeBytes..]));
        Assert.Equal(Payload, received[..read]);
    }

    [Fact]
    public async Task A_single_flipped_bit_in_the_servers_flight_fails_the_handshake()
    {
        // The check above must be able to fail: a changed byte of the recorded flight breaks its authentication.
        byte[] flight = Hex(ServerFlightRecord);
        flight[100] ^= 1;
        var wire = new ReplayedServer(Hex(ServerHelloRecord), flight);

        var failure = await Assert.ThrowsAsync<TlsException>(() => TlsClientHandshake.RunAsync(
            wire, new TlsRecordReader(wire), "server", CancellationToken.None, RfcClientHello()));

        Assert.Contains("bad_record_mac", failure.Message);
    }

    [Fact]
    public void The_clients_own_ClientHello_carries_the_RFCs_random_and_key_share_where_the_RFCs_does()
    {
        byte[] ours = ClientHello.Build(Hex(ClientRandom), [], Hex(ClientPublicKey), "server");
        string rfc = ClientHelloMessage;
        string hex = Convert.ToHexStringLower(ours);

        // handshake type, legacy_version and random: the RFC's first 38 bytes, the length aside.
        Assert.Equal(rfc[..2] + rfc[8..76], hex[..2] + hex[8..76]);
        // Empty legacy_session_id, as given; then TLS_AES_128_GCM_SHA256, the first of the RFC's three suites, and TLS 1.2's
        // ECDHE_ECDSA and ECDHE_RSA with AES-128-GCM.
        Assert.Equal("00" + "0006" + "1301" + "c02b" + "c02f" + "0100", hex[76..98]);
        // The extensions the client sends, each as the RFC's ClientHello has it (server_name "server", the X25519 key share, an
        // empty renegotiation_info) or narrowed to what the client speaks (supported_groups: X25519, and secp256r1 for TLS 1.2), or widened
        // to TLS 1.2
        // (supported_versions 1.3 and 1.2).
        string[] shared = ["0000000b0009000006736572766572", "00330026" + "0024001d0020" + ClientPublicKey, "ff01000100"];
        foreach (string extension in shared)
        {
            Assert.Contains(extension, rfc, StringComparison.Ordinal);
            Assert.Contains(extension, hex, StringComparison.Ordinal);
        }
        Assert.Contains("000a00060004001d0017", hex, StringComparison.Ordinal);
        Assert.Contains("002b0005" + "04" + "0304" + "0303", hex, StringComparison.Ordinal);
        Assert.DoesNotContain("002b0003020304", hex, StringComparison.Ordinal);
    }

    // The RFC's ClientHello with the client's ephemeral key: "{client} create an ephemeral x25519 key pair".
    private static FixedClientHello RfcClientHello()
    {
        var share = X25519KeyShare.FromPrivateKey(Hex(ClientPrivateKey));
        byte[] publicKey = new byte[32];
        share.WritePublicKey(publicKey);
        Assert.Equal(ClientPublicKey, Convert.ToHexStringLower(publicKey));
        return new FixedClientHello(share, Hex(ClientHelloMessage));
    }

    private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));

    // The server's side of the trace: reads are the recorded records in order, then the end; writes are kept.
    private sealed class ReplayedServer(params byte[][] records) : Stream
    {
        private readonly MemoryStream _incoming = new([.. records.SelectMany(r => r)]);
        private readonly MemoryStream _sent = new();

        public byte[] Sent() => _sent.ToArray();

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_incoming.Read(buffer.Span));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _sent.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => _incoming.Read(buffer, offset, count);
        public override void Write(byte[] buffer, int offset, int count) => _sent.Write(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
