using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace IsuBench.Engine.Tls;

/// <summary>
/// Checks the server's CertificateVerify (RFC 8446 §4.4.3) with the public key of its leaf certificate: the proof that the
/// server holds the key, which the original's Go client checked too (InsecureSkipVerify skips only the chain). The chain is not
/// checked: targets may use self-signed certificates (docs/contract.md §2.1). Imported keys are kept, since importing one costs
/// several times a signature check and a run meets the same certificate thousands of times.
/// </summary>
internal static class ServerSignature
{
    /// <summary>The schemes offered in signature_algorithms: first those a TLS 1.3 CertificateVerify may use, then PKCS#1 for certificates only.</summary>
    public static readonly ushort[] Offered = [0x0804, 0x0403, 0x0805, 0x0503, 0x0806, 0x0603, 0x0401, 0x0501, 0x0601];

    private const int MaxCachedKeys = 16;
    private static readonly byte[] ContextPrefix = [.. Enumerable.Repeat((byte)0x20, 64), .. Encoding.ASCII.GetBytes("TLS 1.3, server CertificateVerify"), 0];
    private static readonly Lock CacheLock = new();
    private static readonly List<CachedKey> Cache = [];

    /// <summary>Throws a <see cref="TlsException"/> unless <paramref name="signature"/> under <paramref name="scheme"/> signs the transcript hash.</summary>
    public static void Verify(ReadOnlyMemory<byte> leafCertificate, ushort scheme, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> transcriptHash)
    {
        Span<byte> content = stackalloc byte[ContextPrefix.Length + transcriptHash.Length];
        ContextPrefix.CopyTo(content);
        transcriptHash.CopyTo(content[ContextPrefix.Length..]);
        // "RSASSA-PKCS1-v1_5 algorithms refer solely to signatures which appear in certificates ... and are not defined for use
        // in signed TLS handshake messages" (RFC 8446 §4.2.3).
        if (IsPkcs1(scheme))
            throw new TlsException($"the server signed its TLS 1.3 handshake with PKCS#1 scheme 0x{scheme:x4}, which TLS 1.3 forbids");
        Check(leafCertificate, scheme, signature, content, "CertificateVerify");
    }

    /// <summary>
    /// Throws a <see cref="TlsException"/> unless <paramref name="signature"/> under <paramref name="scheme"/> signs a TLS 1.2
    /// ServerKeyExchange: "SignatureAndHashAlgorithm ... hash(ClientHello.random + ServerHello.random + ServerKeyExchange.params)"
    /// (RFC 5246 §7.4.3, RFC 8422 §5.4), where TLS 1.2 allows PKCS#1 v1.5 too (RFC 5246 §7.4.1.4.1).
    /// </summary>
    public static void VerifyKeyExchange(
        ReadOnlyMemory<byte> leafCertificate, ushort scheme, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> signedContent) =>
        Check(leafCertificate, scheme, signature, signedContent, "ServerKeyExchange");

    /// <summary>Whether the leaf's key is RSA (else ECDSA): which of TLS 1.2's ECDHE_RSA and ECDHE_ECDSA suites fits it.</summary>
    public static bool HasRsaKey(ReadOnlyMemory<byte> leafCertificate) => KeyOf(SubjectPublicKeyInfo(leafCertificate)).Algorithm is RSA;

    private static bool IsPkcs1(ushort scheme) => scheme is 0x0401 or 0x0501 or 0x0601;

    private static void Check(
        ReadOnlyMemory<byte> leafCertificate, ushort scheme, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> content, string what)
    {
        var key = KeyOf(SubjectPublicKeyInfo(leafCertificate));
        bool valid;
        lock (key.Gate)
        {
            valid = (scheme, key.Algorithm) switch
            {
                (0x0804, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
                (0x0805, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
                (0x0806, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
                (0x0401, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                (0x0501, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
                (0x0601, RSA rsa) => rsa.VerifyData(content, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
                (0x0403, ECDsa ec) => ec.VerifyData(content, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
                (0x0503, ECDsa ec) => ec.VerifyData(content, signature, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence),
                (0x0603, ECDsa ec) => ec.VerifyData(content, signature, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence),
                _ => throw new TlsException($"the server signed its handshake with scheme 0x{scheme:x4}, which does not fit its {key.Algorithm.GetType().BaseType?.Name} key or was not offered"),
            };
        }
        if (!valid) throw new TlsException($"the server's {what} signature is wrong (decrypt_error)");
    }

    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
    // subject, subjectPublicKeyInfo, ... }, ... } (RFC 5280 §4.1).
    private static ReadOnlyMemory<byte> SubjectPublicKeyInfo(ReadOnlyMemory<byte> certificate)
    {
        try
        {
            var tbs = new AsnReader(certificate, AsnEncodingRules.DER).ReadSequence().ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0))) tbs.ReadEncodedValue();
            for (int skipped = 0; skipped < 5; skipped++) tbs.ReadEncodedValue();
            return tbs.ReadEncodedValue();
        }
        catch (AsnContentException exception)
        {
            throw new TlsException($"the server's certificate is not DER X.509: {exception.Message}");
        }
    }

    private static CachedKey KeyOf(ReadOnlyMemory<byte> spki)
    {
        lock (CacheLock)
        {
            foreach (var cached in Cache)
            {
                if (cached.Spki.AsSpan().SequenceEqual(spki.Span)) return cached;
            }
        }
        var key = new CachedKey(spki.ToArray(), Import(spki.Span));
        lock (CacheLock)
        {
            // Beyond the bound (a server with ever new keys) the oldest is dropped, not disposed: a check may still hold it.
            if (Cache.Count == MaxCachedKeys) Cache.RemoveAt(0);
            Cache.Add(key);
        }
        return key;
    }

    private static AsymmetricAlgorithm Import(ReadOnlySpan<byte> spki)
    {
        try
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportSubjectPublicKeyInfo(spki, out _);
                return rsa;
            }
            catch (CryptographicException)
            {
                rsa.Dispose();
            }
            var ec = ECDsa.Create();
            try
            {
                ec.ImportSubjectPublicKeyInfo(spki, out _);
                return ec;
            }
            catch
            {
                ec.Dispose();
                throw;
            }
        }
        catch (CryptographicException exception)
        {
            throw new TlsException($"the server's certificate holds a key this client cannot use (RSA or ECDSA): {exception.Message}");
        }
    }

    private sealed record CachedKey(byte[] Spki, AsymmetricAlgorithm Algorithm)
    {
        public Lock Gate { get; } = new();
    }
}
