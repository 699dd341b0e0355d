namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>What <see cref="Tls12ScriptedServer"/> chooses, and the one step it may break.</summary>
internal sealed record Tls12Script(
    ushort Suite = 0xC02F, ushort Group = 0x001d, ushort Scheme = 0x0804, bool ExtendedMasterSecret = true,
    bool BadSignature = false, bool BadFinished = false, bool DowngradeSentinel = false, bool RequestCertificate = false,
    bool EchoSessionId = false);
