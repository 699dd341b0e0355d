using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// TLS 1.2's PRF with SHA-256 against OpenSSL's own implementation of it, an independent one: every expected value below is the
/// output of OpenSSL 3.0's <c>openssl kdf -keylen N -kdfopt digest:SHA256 -kdfopt hexsecret:S -kdfopt hexseed:L TLS1-PRF</c>,
/// with L the label's ASCII followed by the seed, and the inputs the byte runs named here.
/// </summary>
public sealed class Tls12PrfTests
{
    private static readonly byte[] PreMasterSecret = Run(0x10, 32);
    private static readonly byte[] ClientRandom = Run(0xa0, 32);
    private static readonly byte[] ServerRandom = Run(0xc0, 32);
    private static readonly byte[] SessionHash = Run(0x40, 32);
    private static readonly byte[] MasterSecret = Run(0x60, 48);

    [Fact]
    public void The_master_secret_is_OpenSSLs()
    {
        Assert.Equal("47c85b0938d7fc9ad12a09c2e2da9dd2a6f751e005ad66ec84d2543bd3c55d4e2af89f6f3ad816b425834733a2f61251",
            Convert.ToHexStringLower(Tls12Prf.MasterSecret(PreMasterSecret, ClientRandom, ServerRandom)));
    }

    [Fact]
    public void The_extended_master_secret_over_the_session_hash_is_OpenSSLs()
    {
        Assert.Equal("6ef9cc7bc43d0778fe7dd56b8e073a3d43eecb907f0f385002b123ed488d414f30dfb4b0a2eff240dcb502b5a9fe6da4",
            Convert.ToHexStringLower(Tls12Prf.ExtendedMasterSecret(PreMasterSecret, SessionHash)));
    }

    [Fact]
    public void The_key_block_is_OpenSSLs_in_the_40_bytes_of_AES_128_GCM_and_over_three_HMAC_blocks()
    {
        const string block100 =
            "2a6c1b319a847e8372dac620bf99c73619e45b20f2571ad566190edcbbcd301e9833de6bcab2338086" + "10ed94799ca65942c1066bfc00b946"
            + "1124a51405d93d085ea6c29399d4ba2dcf2960df6f5c1275f38698b8f9aa2dc97ab13bd9d9a7cce1d64e1f59";

        Assert.Equal(block100[..80], Convert.ToHexStringLower(Tls12Prf.KeyBlock(MasterSecret, ServerRandom, ClientRandom, 40)));
        Assert.Equal(block100, Convert.ToHexStringLower(Tls12Prf.KeyBlock(MasterSecret, ServerRandom, ClientRandom, 100)));
    }

    [Fact]
    public void The_finished_verify_data_is_OpenSSLs_and_the_label_decides_it()
    {
        string client = Convert.ToHexStringLower(Tls12Prf.FinishedVerifyData(MasterSecret, "client finished", SessionHash));
        string server = Convert.ToHexStringLower(Tls12Prf.FinishedVerifyData(MasterSecret, "server finished", SessionHash));

        Assert.Equal("a28162e6488bacb6b1cb8f01", client);
        Assert.NotEqual(client, server);
    }

    private static byte[] Run(int first, int count) => [.. Enumerable.Range(first, count).Select(i => (byte)i)];
}
