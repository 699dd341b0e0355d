using System.CommandLine;
using IsuBench.Bench.Commands;
using IsuBench.Scenarios.Sse;

namespace IsuBench.Tests.Bench.Commands;

public sealed class BenchmarkOptionSetTests
{
    private static IsuBench.Scenarios.Benchmark.BenchmarkOptions Read(params string[] args)
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
}
