using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IsuBench.Engine.Tls;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

public sealed class ServerSignatureTests
{
    private static readonly byte[] TranscriptHash = SHA256.HashData("the handshake so far"u8);

    [Theory]
    [InlineData(false, (ushort)0x0804)]
    [InlineData(true, (ushort)0x0403)]
    public void A_signature_over_the_transcript_by_the_certificates_key_passes_and_over_another_transcript_fails(bool ecdsa, ushort scheme)
    {
        using var certificate = TlsTestServer.Certificate(ecdsa);
        byte[] content = [.. Enumerable.Repeat((byte)0x20, 64), .. Encoding.ASCII.GetBytes("TLS 1.3, server CertificateVerify"), 0, .. TranscriptHash];
        byte[] signature = ecdsa
            ? certificate.GetECDsaPrivateKey()!.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : certificate.GetRSAPrivateKey()!.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

        ServerSignature.Verify(certificate.RawData, scheme, signature, TranscriptHash);
        var wrong = Assert.Throws<TlsException>(() => ServerSignature.Verify(certificate.RawData, scheme, signature, SHA256.HashData("another"u8)));
        Assert.Contains("decrypt_error", wrong.Message);
    }

    [Fact]
    public void A_scheme_that_does_not_fit_the_key_and_a_certificate_that_is_not_one_are_refused()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);

        Assert.Contains("0x0403", Assert.Throws<TlsException>(() => ServerSignature.Verify(certificate.RawData, 0x0403, new byte[256], TranscriptHash)).Message);
        Assert.Contains("0x0401", Assert.Throws<TlsException>(() => ServerSignature.Verify(certificate.RawData, 0x0401, new byte[256], TranscriptHash)).Message);
        Assert.Contains("not DER X.509", Assert.Throws<TlsException>(() => ServerSignature.Verify("not a certificate"u8.ToArray(), 0x0804, new byte[256], TranscriptHash)).Message);
    }
}
