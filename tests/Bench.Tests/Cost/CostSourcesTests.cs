using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class CostSourcesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-sources-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("0", null, null, "--target-pid: '0' is not a process id")]
    [InlineData("99999999999", null, null, "--target-pid: '99999999999' is not a process id")]
    [InlineData("web=", null, null, "--target-pid: 'web=' names no process")]
    [InlineData("=12", null, null, "--target-pid: '=12' names no process")]
    [InlineData(null, null, "127.0.0.1:8080/metrics", "--target-metrics: '127.0.0.1:8080/metrics'")]
    [InlineData(null, null, "ftp://127.0.0.1/metrics", "--target-metrics")]
    public void Malformed_values_are_refused_naming_the_option(string? pids, string? cgroups, string? metrics, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CostSources.Parse(pids, cgroups, metrics));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Nothing_given_is_empty()
    {
        using var sources = CostSources.Parse(null, null, null);
        Assert.True(sources.IsEmpty);
    }

    [Fact]
    public async Task Every_form_of_pid_opens_this_process_under_the_name_asked_for()
    {
        string pidFile = Path.Combine(_directory, "server.pid");
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n");
        using var sources = CostSources.Parse($"{Environment.ProcessId}, bench={pidFile}", null, null);

        var opened = await sources.OpenAsync(strict: true, CancellationToken.None);

        Assert.Equal(2, opened.Count);
        Assert.All(opened, source => Assert.IsType<ProcStatReader>(source));
        Assert.Equal("process bench", opened[1].Name);
        Assert.True(await opened[0].ReadAsync(CancellationToken.None) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Strict_opening_stops_at_a_source_that_names_nothing_usable()
    {
        using var sources = CostSources.Parse(Path.Combine(_directory, "missing.pid"), null, null);
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => sources.OpenAsync(strict: true, CancellationToken.None));
        Assert.Contains("missing.pid", e.Message);
        Assert.False(e.Unreachable);
    }

    [Fact]
    public async Task Lenient_opening_keeps_a_source_that_cannot_be_opened_as_missing()
    {
        string pidFile = Path.Combine(_directory, "server.pid");
        await File.WriteAllTextAsync(pidFile, "not a pid");
        using var sources = CostSources.Parse($"web={pidFile}", Path.Combine(_directory, "no-cgroup"), null);

        var opened = await sources.OpenAsync(strict: false, CancellationToken.None);

        Assert.Equal(["process web", $"cgroup {Path.Combine(_directory, "no-cgroup").Trim('/')}"], opened.Select(s => s.Name));
        Assert.All(opened, source => Assert.IsType<MissingCpuSource>(source));
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => opened[0].ReadAsync(CancellationToken.None));
        Assert.Contains("'not a pid'", e.Message);
    }

    [Fact]
    public async Task A_metrics_endpoint_that_does_not_answer_stops_strict_opening_as_unreachable()
    {
        using var sources = CostSources.Parse(null, null, $"http://127.0.0.1:{TextServer.FreePort()}/metrics");
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => sources.OpenAsync(strict: true, CancellationToken.None));
        Assert.True(e.Unreachable);
        var lenient = await sources.OpenAsync(strict: false, CancellationToken.None);
        Assert.IsType<MissingCpuSource>(Assert.Single(lenient));
    }
}
