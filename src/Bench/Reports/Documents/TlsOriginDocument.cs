using System.Text.Json.Serialization;
using IsuBench.Engine.Http;

namespace IsuBench.Bench.Reports;

/// <summary>
/// One https origin in result.json's <c>tls</c>: the stack that served it (<c>own</c> or <c>platform</c>), the protocol and
/// cipher suite of its last handshake (null when none succeeded), why that stack, a warning when the own client could not run
/// here, and the connections each stack made.
/// </summary>
public sealed record TlsOriginDocument(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("stack")] string Stack,
    [property: JsonPropertyName("protocol")] string? Protocol,
    [property: JsonPropertyName("cipher_suite")] string? CipherSuite,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("warning")] string? Warning,
    [property: JsonPropertyName("own_connections")] long OwnConnections,
    [property: JsonPropertyName("platform_connections")] long PlatformConnections)
{
    /// <summary>The document of one origin's use.</summary>
    public static TlsOriginDocument From(TlsOriginUse use) =>
        new(use.Origin, use.Stack, use.Protocol, use.CipherSuite, use.Reason, use.Warning, use.OwnConnections, use.PlatformConnections);

    /// <summary>The same, as the engine reports it (for the summaries' one line).</summary>
    public TlsOriginUse ToUse() => new(Origin, Stack, Protocol, CipherSuite, Reason, Warning, OwnConnections, PlatformConnections);
}
