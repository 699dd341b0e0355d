using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.Infrastructure;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench check</c> against <c>openssl s_server</c>: result.json says which TLS stack made its handshakes, with what
/// protocol. No reference behind it, so it runs beside the runs through nginx (<see cref="TlsFrontRunTests"/>).
/// </summary>
public sealed class TlsHandshakeCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-tls-check-").FullName;

    [Theory]
    [InlineData("-tls1_2", null, "auto", "own", "TLS 1.2")]
    [InlineData("-tls1_2", "P-256", "auto", "own", "TLS 1.2")] // ECDHE over secp256r1, the own client's second group
    [InlineData("-tls1_2", null, "platform", "platform", "TLS 1.2")]
    [InlineData("-tls1_3", null, "auto", "own", "TLS 1.3")]
    [InlineData("-tls1_3", null, "platform", "platform", "TLS 1.3")]
    public async Task A_check_against_openssl_s_server_reports_the_stack_and_protocol_of_its_handshakes(
        string protocolFlag, string? groups, string choice, string stack, string protocol)
    {
        await using var server = await TlsFront.OpenSslServerAsync(protocolFlag, groups);
        string outDir = Path.Combine(_directory, $"s_server{protocolFlag}-{groups ?? "default"}-{choice}");

        // s_server answers every GET with its status page: no ISUketch, so the check fails, but its handshakes are real.
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "check", "--target", server.Origin, "--tls", choice, "--out", outDir, "--no-progress");

        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        var origin = Assert.Single(result.Tls!);
        Assert.Equal((stack, protocol), (origin.Stack, origin.Protocol));
        Assert.True(stack == "own" ? origin.OwnConnections > 0 : origin.PlatformConnections > 0, origin.ToString());
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
