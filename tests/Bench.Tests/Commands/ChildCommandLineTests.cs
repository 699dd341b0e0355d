using System.CommandLine;
using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Commands;

public sealed class ChildCommandLineTests
{
    private static ParseResult Parse(params string[] args) => BenchCommandLine.Build().Parse(args);

    [Fact]
    public void A_segment_gets_the_options_given_as_given_then_its_segment_the_seed_the_folder_and_its_progress_file()
    {
        var parent = Parse("run", "--target", "http://127.0.0.1:8080", "--processes", "3", "--duration", "30", "--strict",
            "--user-agent=-dash", "--start-at", "2030-01-01T00:00:00Z", "--out", "results/x", "--seed", "7");

        var child = ChildCommandLine.Of(parent, 2, 3, 7, "/abs/run", "/abs/run/segment-2.progress.json");

        Assert.Equal(
            ["run", "--target=http://127.0.0.1:8080", "--duration=30", "--strict", "--user-agent=-dash", "--start-at=2030-01-01T00:00:00Z",
             "--segment=2/3", "--seed=7", "--out=/abs/run", "--no-progress", "--progress-file=/abs/run/segment-2.progress.json",
             "--stop-when-stdin-closes"],
            child);
    }

    [Fact]
    public void What_the_parent_keeps_is_not_passed_on()
    {
        var parent = Parse("run", "--target", "http://127.0.0.1:8080", "--processes", "2", "--json", "--no-progress",
            "--baseline", "b.json", "--max-drop", "0.2", "--target-pid", "1", "--target-metrics", "http://127.0.0.1:8080/metrics");

        var child = ChildCommandLine.Of(parent, 1, 2, 42, "/abs/run", "/abs/p.json");

        string[] setForEach = ["--seed", "--out", "--no-progress", "--progress-file", "--stop-when-stdin-closes"];
        Assert.All(ChildCommandLine.KeptByTheParent.Except(setForEach),
            option => Assert.DoesNotContain(child, a => a.StartsWith(option, StringComparison.Ordinal)));
        Assert.Single(child, "--no-progress");
    }

    [Fact]
    public void The_segment_reads_back_the_parent_s_values_and_its_own()
    {
        var parent = Parse("run", "--target", "http://127.0.0.1:8080,http://127.0.0.2:8080", "--processes", "2", "--duration", "12",
            "--front-end", "isucon6f", "--honor-retry", "--sse-transport", "httpclient", "--cpus", "0-1");

        var child = Parse([.. ChildCommandLine.Of(parent, 2, 2, -5, "/abs/run", "/abs/run/p.json")]);

        Assert.Empty(child.Errors);
        var run = child.CommandResult.Command;
        string? Value(string name) => child.GetValue<string>(name);
        Assert.Equal("http://127.0.0.1:8080,http://127.0.0.2:8080", Value("--target"));
        Assert.Equal(12, child.GetValue<int>("--duration"));
        Assert.Equal("isucon6f", Value("--front-end"));
        Assert.True(child.GetValue<bool>("--honor-retry"));
        Assert.Equal("httpclient", Value("--sse-transport"));
        Assert.Equal("0-1", Value("--cpus"));
        Assert.Equal("2/2", Value("--segment"));
        Assert.Equal(-5, child.GetValue<int>("--seed"));
        Assert.Equal("/abs/run", Value("--out"));
        Assert.True(child.GetValue<bool>("--no-progress"));
        Assert.Equal("/abs/run/p.json", Value("--progress-file"));
        Assert.True(child.GetValue<bool>("--stop-when-stdin-closes"));
        Assert.Equal(1, child.GetValue<int>("--processes"));
        Assert.Equal("run", run.Name);
    }
}
