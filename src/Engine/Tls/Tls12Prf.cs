using System.Security.Cryptography;
using System.Text;

namespace IsuBench.Engine.Tls;

/// <summary>
/// TLS 1.2's pseudorandom function with SHA-256, the PRF of every suite this client offers (RFC 5246 §5):
/// "PRF(secret, label, seed) = P_SHA256(secret, label + seed)", and the secrets and keys made with it.
/// </summary>
internal static class Tls12Prf
{
    /// <summary>"master_secret ... [0..47]" (RFC 5246 §8.1).</summary>
    public const int MasterSecretLength = 48;

    /// <summary>"verify_data ... [0..verify_data_length-1]", 12 bytes for every suite here (RFC 5246 §7.4.9).</summary>
    public const int VerifyDataLength = 12;

    /// <summary>
    /// "P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...", where "A(0) = seed,
    /// A(i) = HMAC_hash(secret, A(i-1))", cut to <paramref name="length"/> bytes; the seed is the label's ASCII and then
    /// <paramref name="seed"/>.
    /// </summary>
    public static byte[] Derive(ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> seed, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        byte[] labelled = [.. Encoding.ASCII.GetBytes(label), .. seed];
        byte[] output = new byte[length];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        Span<byte> a = stackalloc byte[TlsKeySchedule.HashLength];
        Span<byte> block = stackalloc byte[TlsKeySchedule.HashLength];
        hmac.AppendData(labelled);
        hmac.GetHashAndReset(a);
        for (int at = 0; at < length; at += block.Length)
        {
            hmac.AppendData(a);
            hmac.AppendData(labelled);
            hmac.GetHashAndReset(block);
            block[..Math.Min(block.Length, length - at)].CopyTo(output.AsSpan(at));
            hmac.AppendData(a);
            hmac.GetHashAndReset(a);
        }
        return output;
    }

    /// <summary>
    /// "master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)" (RFC 5246 §8.1).
    /// </summary>
    public static byte[] MasterSecret(
        ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom) =>
        Derive(preMasterSecret, "master secret", [.. clientRandom, .. serverRandom], MasterSecretLength);

    /// <summary>
    /// "master_secret = PRF(pre_master_secret, "extended master secret", session_hash)" (RFC 7627 §4), the session hash being
    /// the hash of the handshake messages up to and including ClientKeyExchange.
    /// </summary>
    public static byte[] ExtendedMasterSecret(ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> sessionHash) =>
        Derive(preMasterSecret, "extended master secret", sessionHash, MasterSecretLength);

    /// <summary>
    /// "key_block = PRF(SecurityParameters.master_secret, "key expansion", server_random + client_random)" (RFC 5246 §6.3).
    /// </summary>
    public static byte[] KeyBlock(
        ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> serverRandom, ReadOnlySpan<byte> clientRandom, int length) =>
        Derive(masterSecret, "key expansion", [.. serverRandom, .. clientRandom], length);

    /// <summary>"verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))" (RFC 5246 §7.4.9).</summary>
    public static byte[] FinishedVerifyData(ReadOnlySpan<byte> masterSecret, string finishedLabel, ReadOnlySpan<byte> handshakeHash) =>
        Derive(masterSecret, finishedLabel, handshakeHash, VerifyDataLength);
}
