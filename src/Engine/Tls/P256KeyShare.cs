using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// An ephemeral secp256r1 key pair for TLS 1.2's ECDHE, made only when a server chose that group over X25519. It is offered
/// because an OpenSSL server refuses ECDHE_ECDSA with a P-256 certificate (handshake_failure) to a client whose supported_groups
/// lack P-256.
/// </summary>
internal sealed class P256KeyShare : IDisposable
{
    /// <summary>secp256r1's code point in supported_groups.</summary>
    public const ushort Group = 0x0017;

    /// <summary>An uncompressed point: 0x04, then X and Y of 32 bytes each (RFC 8422 §5.4.1).</summary>
    public const int PointLength = 1 + 2 * CoordinateLength;

    private const int CoordinateLength = 32;
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The public key as an uncompressed point.</summary>
    public byte[] PublicPoint()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
    }

    /// <summary>
    /// The premaster secret with the server's point: "the shared secret ... is the x-coordinate of the ECDH shared secret
    /// elliptic curve point" (RFC 8422 §5.10). A point off the curve is refused by the import.
    /// </summary>
    public byte[] Agree(ReadOnlySpan<byte> peerPoint)
    {
        if (peerPoint.Length != PointLength || peerPoint[0] != 0x04)
            throw new TlsException($"the server's secp256r1 point is not an uncompressed point of {PointLength} bytes (illegal_parameter)");
        try
        {
            using var peer = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = peerPoint.Slice(1, CoordinateLength).ToArray(), Y = peerPoint[(1 + CoordinateLength)..].ToArray() },
            });
            return _key.DeriveRawSecretAgreement(peer.PublicKey);
        }
        catch (CryptographicException exception)
        {
            throw new TlsException($"the server's secp256r1 point is not on the curve (illegal_parameter): {exception.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
