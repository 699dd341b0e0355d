using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// The key schedule against RFC 8448 §3 ("Simple 1-RTT Handshake"): its (EC)DHE secret and ClientHello..ServerHello hash in,
/// its secrets, keys and IVs out. The same values were computed again with Python 3.11's hmac and hashlib modules.
/// </summary>
public sealed class TlsKeyScheduleTests
{
    private static readonly byte[] SharedSecret = Convert.FromHexString("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d");
    private static readonly byte[] HelloHash = Convert.FromHexString("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8");

    [Fact]
    public void The_early_secret_without_a_psk_is_RFC_8448s()
    {
        Assert.Equal("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a",
            Convert.ToHexStringLower(TlsKeySchedule.Extract(new byte[32], new byte[32])));
    }

    [Fact]
    public void Handshake_traffic_secrets_keys_and_ivs_are_RFC_8448s()
    {
        var schedule = new TlsKeySchedule();
        schedule.DeriveHandshakeSecrets(SharedSecret, HelloHash);

        Assert.Equal("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21", Convert.ToHexStringLower(schedule.ClientHandshakeSecret));
        Assert.Equal("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38", Convert.ToHexStringLower(schedule.ServerHandshakeSecret));
        var (key, iv) = TlsKeySchedule.TrafficKeys(schedule.ServerHandshakeSecret, RecordProtection.KeyLength);
        Assert.Equal("3fce516009c21727d0f2e4e86ee403bc", Convert.ToHexStringLower(key));
        Assert.Equal("5d313eb2671276ee13000b30", Convert.ToHexStringLower(iv));
    }

    [Fact]
    public void The_finished_key_and_the_next_traffic_secret_are_expand_label_of_their_names()
    {
        var schedule = new TlsKeySchedule();
        schedule.DeriveHandshakeSecrets(SharedSecret, HelloHash);

        // Python: hkdf_expand_label(s_hs, "finished", b"", 32) and (s_hs, "traffic upd", b"", 32).
        Assert.Equal("008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8",
            Convert.ToHexStringLower(TlsKeySchedule.ExpandLabel(schedule.ServerHandshakeSecret, "finished", [], 32)));
        Assert.Equal("c5847ffa1bfea2d5c409eee45d2813181327a78a52ee6d02d8a5e10fbf0fface",
            Convert.ToHexStringLower(TlsKeySchedule.NextTrafficSecret(schedule.ServerHandshakeSecret)));
    }

    [Fact]
    public void Application_secrets_need_the_handshake_secrets_first()
    {
        Assert.Throws<InvalidOperationException>(() => new TlsKeySchedule().DeriveApplicationSecrets(HelloHash));
    }
}
