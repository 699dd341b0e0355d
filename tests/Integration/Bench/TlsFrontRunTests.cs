using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.InitialCheck;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// A whole <c>isubench run</c> over https through a real TLS terminator in front of the reference, as a contestant's server
/// would stand (Debian's nginx speaks TLS 1.2 only unless <c>ssl_protocols</c> names TLSv1.3), and <c>check</c> against
/// <c>openssl s_server</c>: result.json says which TLS stack served the origin, with what protocol, and why.
/// </summary>
public sealed class TlsFrontRunTests(LoadedReference reference) : IClassFixture<LoadedReference>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-tls-").FullName;

    // Debian's nginx with TLS 1.2 only, the contest's front: the own client's TLS 1.2 serves it, and --tls platform still goes
    // through SslStream. A front of CBC suites only accepts nothing the own client offers: auto turns to SslStream there.
    [Theory]
    [InlineData("TLSv1.2", null, "auto", "own", "TLS 1.2", "the server accepted TLS 1.2")]
    [InlineData("TLSv1.2", null, "platform", "platform", "TLS 1.2", "--tls platform")]
    [InlineData("TLSv1.2", "ECDHE-RSA-AES128-SHA256", "auto", "platform", "TLS 1.2", "the server accepts nothing the own client offers (")]
    [InlineData("TLSv1.3", null, "auto", "own", "TLS 1.3", "the server accepted TLS 1.3")]
    [InlineData("TLSv1.2 TLSv1.3", null, "auto", "own", "TLS 1.3", "the server accepted TLS 1.3")]
    public async Task A_run_through_nginx_reports_the_stack_and_protocol_that_served_it(
        string protocols, string? ciphers, string choice, string stack, string protocol, string reason)
    {
        await using var nginx = await TlsFront.NginxAsync(protocols, reference.BaseAddress, ciphers);
        string outDir = Path.Combine(_directory, $"{protocols.Replace(' ', '-')}-{ciphers ?? "default"}-{choice}");

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "run", "--target", nginx.Origin, "--tls", choice, "--duration", "2", "--seed", "7", "--out", outDir, "--no-progress",
            "--baseline", Path.Combine(_directory, "none.json"));

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        string json = await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"));
        Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
        var result = ResultJson.Deserialize(json);
        Assert.Equal(choice, result.Options.Tls);
        var origin = Assert.Single(result.Tls!);
        Assert.Equal((nginx.Origin, stack, protocol), (origin.Origin, origin.Stack, origin.Protocol));
        Assert.StartsWith(reason, origin.Reason);
        Assert.Null(origin.Warning);
        // Every connection of the run went through the stack reported (the own client's one refused attempt aside).
        Assert.True((stack == "own" ? origin.OwnConnections : origin.PlatformConnections) > 10, json);
        Assert.Equal(0, stack == "own" ? origin.PlatformConnections : origin.OwnConnections);
        Assert.Contains($"TLS {nginx.Origin}: {stack} {protocol}", output);
        Assert.Contains($"| {nginx.Origin} | {stack} | {protocol} |", await File.ReadAllTextAsync(Path.Combine(outDir, "summary.md")));
        Assert.Contains("<table id=\"tls\">", await File.ReadAllTextAsync(Path.Combine(outDir, "report.html")));
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the next run's watcher check must not count this run's watchers
    }

    [Fact]
    public async Task Own_alone_against_a_front_of_CBC_suites_only_fails_the_run_and_says_why()
    {
        await using var nginx = await TlsFront.NginxAsync("TLSv1.2", reference.BaseAddress, "ECDHE-RSA-AES128-SHA256");
        string outDir = Path.Combine(_directory, "own");

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "check", "--target", nginx.Origin, "--tls", "own", "--out", outDir, "--no-progress");

        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("--tls own tries no other stack", output);
        Assert.Contains("handshake_failure", output);
        var origin = Assert.Single(ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"))).Tls!);
        Assert.Equal(("own", null, 0L), (origin.Stack, origin.Protocol, origin.OwnConnections));
    }

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
