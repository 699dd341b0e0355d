using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>The X25519 function the own client calls (OpenSSL's, through its interop) against RFC 7748's test vectors.</summary>
public sealed class X25519KeyShareTests
{
    private const string AlicePrivateKey = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";

    [Theory]
    // RFC 7748 §5.2: the two scalar and u-coordinate pairs and their outputs (the second u has its top bit set, to be ignored).
    [InlineData("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void The_function_gives_RFC_7748s_outputs(string scalar, string u, string output)
    {
        using var key = X25519KeyShare.FromPrivateKey(Convert.FromHexString(scalar));

        Assert.Equal(output, Convert.ToHexStringLower(key.Agree(Convert.FromHexString(u))));
    }

    [Fact]
    public void Iterated_from_9_it_gives_RFC_7748s_values_after_1_and_1000_rounds()
    {
        // RFC 7748 §5.2: k = u = 9; each round, k <- X25519(k, u) and u <- the old k.
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = (byte[])k.Clone();
        var after = new Dictionary<int, string>();
        for (int round = 1; round <= 1000; round++)
        {
            using var key = X25519KeyShare.FromPrivateKey(k);
            (k, u) = (key.Agree(u), k);
            if (round is 1 or 1000) after[round] = Convert.ToHexStringLower(k);
        }

        Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", after[1]);
        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", after[1000]);
    }

    [Fact]
    public void Alice_and_Bob_of_RFC_7748_get_their_public_keys_and_one_shared_secret()
    {
        // RFC 7748 §6.1.
        using var alice = X25519KeyShare.FromPrivateKey(Convert.FromHexString(AlicePrivateKey));
        using var bob = X25519KeyShare.FromPrivateKey(
            Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        byte[] alicePublic = new byte[32];
        byte[] bobPublic = new byte[32];
        alice.WritePublicKey(alicePublic);
        bob.WritePublicKey(bobPublic);

        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Convert.ToHexStringLower(alicePublic));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Convert.ToHexStringLower(bobPublic));
        const string shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        Assert.Equal(shared, Convert.ToHexStringLower(alice.Agree(bobPublic)));
        Assert.Equal(shared, Convert.ToHexStringLower(bob.Agree(alicePublic)));
    }

    [Fact]
    public void A_small_order_point_that_gives_an_all_zero_secret_is_refused()
    {
        // RFC 7748 §6.1: "check for the all-zero value and abort if so"; u = 0 is such a point.
        using var key = X25519KeyShare.FromPrivateKey(Convert.FromHexString(AlicePrivateKey));

        var failure = Assert.ThrowsAny<TlsException>(() => key.Agree(new byte[32]));

        Assert.Contains("X25519", failure.Message);
    }
}
