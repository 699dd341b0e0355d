using System.CommandLine;
using IsuBench.Bench.Commands;
using IsuBench.Engine.Sse;

namespace IsuBench.Tests.Bench.Commands;

public sealed class BenchmarkOptionSetTests
{
    private static IsuBench.Scenarios.Run.BenchmarkOptions Read(params string[] args)
    {
        var command = new Command("run");
        var set = new BenchmarkOptionSet(command);
        var parsed = command.Parse(["--target", "http://127.0.0.1:1", .. args]);
        Assert.Empty(parsed.Errors);
        return set.Read(parsed, TimeSpan.FromSeconds(60), checkOnly: false);
    }

    [Fact]
    public void Watchers_use_the_socket_transport_unless_told_otherwise()
    {
        Assert.Equal(SseTransport.Socket, Read().SseTransport);
        Assert.Equal(SseTransport.HttpClient, Read("--sse-transport", "httpclient").SseTransport);
        Assert.Equal(SseTransport.Socket, Read("--sse-transport", "socket").SseTransport);
    }

    [Fact]
    public void Retries_wait_1_s_as_the_original_unless_the_server_s_retry_is_honoured()
    {
        Assert.True(Read().CompatRetry);
        Assert.False(Read("--honor-retry").CompatRetry);
        Assert.False(Read().Strict);
        Assert.True(Read("--strict").Strict);
    }

    [Fact]
    public void The_old_name_of_front_end_still_works_with_a_warning_and_not_together_with_the_new()
    {
        var command = new Command("run");
        var set = new BenchmarkOptionSet(command);
        var parsed = command.Parse(["--target", "http://127.0.0.1:1", "--profile", "isucon6f"]);
        Assert.Empty(parsed.Errors);
        Assert.Equal("isucon6f", set.Read(parsed, TimeSpan.FromSeconds(60), checkOnly: false).FrontEnd);
        var warnings = new StringWriter();
        set.WarnAboutDeprecated(parsed, warnings);
        Assert.Contains("--profile is now --front-end", warnings.ToString());

        Assert.Equal("isucon6f", Read("--front-end", "isucon6f").FrontEnd);
        var quiet = new StringWriter();
        set.WarnAboutDeprecated(command.Parse(["--target", "http://127.0.0.1:1", "--front-end", "isucon6f"]), quiet);
        Assert.Empty(quiet.ToString());
        Assert.NotEmpty(command.Parse(["--target", "http://127.0.0.1:1", "--profile", "isucon6f", "--front-end", "reference"]).Errors);
    }

    [Fact]
    public void The_removed_compat_retry_is_an_error_that_says_what_to_do()
    {
        var command = new Command("run");
        _ = new BenchmarkOptionSet(command);
        foreach (string[] args in new[] { new[] { "--compat-retry" }, ["--compat-retry", "--honor-retry"] })
        {
            var error = Assert.Single(command.Parse(["--target", "http://127.0.0.1:1", .. args]).Errors);
            Assert.Equal(BenchmarkOptionSet.CompatRetryRemoved, error.Message);
        }
        Assert.Empty(command.Parse(["--target", "http://127.0.0.1:1", "--honor-retry"]).Errors);
    }
}
