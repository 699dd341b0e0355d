using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.Infrastructure;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// A whole <c>isubench run</c> over https through a real TLS terminator in front of the reference, as a contestant's server
/// would stand (Debian's nginx speaks TLS 1.2 only unless <c>ssl_protocols</c> names TLSv1.3): result.json says which TLS stack
/// served the origin, with what protocol, and why. One class per kind of front, each with a reference of its own: runs against
/// one reference must follow each other (a watcher check counts every watcher of its room), runs against two need not.
/// </summary>
public abstract class TlsFrontRunTests(SmallDataSetReference reference) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-tls-").FullName;

    /// <summary>Where the runs of this class write.</summary>
    private protected string OutputDirectory => _directory;

    /// <summary>The reference the fronts proxy to.</summary>
    private protected Uri Upstream => reference.BaseAddress;

    /// <summary>
    /// A run of 2 s through nginx with <paramref name="protocols"/> and <paramref name="ciphers"/>, and what it must report.
    /// </summary>
    private protected async Task RunThroughNginxAsync(
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

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

/// <summary>
/// Debian's nginx with TLS 1.2 only, the contest's front: the own client's TLS 1.2 serves it, and --tls platform still goes
/// through SslStream.
/// </summary>
public sealed class Tls12FrontRunTests(SmallDataSetReference reference) : TlsFrontRunTests(reference), IClassFixture<SmallDataSetReference>
{
    [Theory]
    [InlineData("TLSv1.2", null, "auto", "own", "TLS 1.2", "the server accepted TLS 1.2")]
    [InlineData("TLSv1.2", null, "platform", "platform", "TLS 1.2", "--tls platform")]
    public Task A_run_through_nginx_reports_the_stack_and_protocol_that_served_it(
        string protocols, string? ciphers, string choice, string stack, string protocol, string reason) =>
        RunThroughNginxAsync(protocols, ciphers, choice, stack, protocol, reason);
}

/// <summary>nginx offering TLS 1.3, alone or beside TLS 1.2: the own client speaks TLS 1.3 to it.</summary>
public sealed class Tls13FrontRunTests(SmallDataSetReference reference) : TlsFrontRunTests(reference), IClassFixture<SmallDataSetReference>
{
    [Theory]
    [InlineData("TLSv1.3", null, "auto", "own", "TLS 1.3", "the server accepted TLS 1.3")]
    [InlineData("TLSv1.2 TLSv1.3", null, "auto", "own", "TLS 1.3", "the server accepted TLS 1.3")]
    public Task A_run_through_nginx_reports_the_stack_and_protocol_that_served_it(
        string protocols, string? ciphers, string choice, string stack, string protocol, string reason) =>
        RunThroughNginxAsync(protocols, ciphers, choice, stack, protocol, reason);
}

/// <summary>A front of CBC suites only accepts nothing the own client offers: auto turns to SslStream there, own alone fails.</summary>
public sealed class CbcFrontRunTests(SmallDataSetReference reference) : TlsFrontRunTests(reference), IClassFixture<SmallDataSetReference>
{
    [Theory]
    [InlineData("TLSv1.2", "ECDHE-RSA-AES128-SHA256", "auto", "platform", "TLS 1.2", "the server accepts nothing the own client offers (")]
    public Task A_run_through_nginx_reports_the_stack_and_protocol_that_served_it(
        string protocols, string? ciphers, string choice, string stack, string protocol, string reason) =>
        RunThroughNginxAsync(protocols, ciphers, choice, stack, protocol, reason);

    [Fact]
    public async Task Own_alone_against_a_front_of_CBC_suites_only_fails_the_run_and_says_why()
    {
        await using var nginx = await TlsFront.NginxAsync("TLSv1.2", Upstream, "ECDHE-RSA-AES128-SHA256");
        string outDir = Path.Combine(OutputDirectory, "own");

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "check", "--target", nginx.Origin, "--tls", "own", "--out", outDir, "--no-progress");

        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("--tls own tries no other stack", output);
        Assert.Contains("handshake_failure", output);
        var origin = Assert.Single(ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"))).Tls!);
        Assert.Equal(("own", null, 0L), (origin.Stack, origin.Protocol, origin.OwnConnections));
    }
}
