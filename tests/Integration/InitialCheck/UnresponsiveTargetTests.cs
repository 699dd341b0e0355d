using System.Net;
using System.Net.Sockets;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The initial check never hangs: a server that accepts requests and never answers, or one that is gone, fails it critically and
/// promptly. As in the original, a step whose request got no answer fails only by the watcher check; IsuBench notes it incomplete.
/// </summary>
public sealed class UnresponsiveTargetTests
{
    [Fact]
    public async Task A_server_that_never_answers_fails_the_check_and_the_rest_of_the_sequence_is_skipped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var silent = builder.Build();
        silent.Run(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await silent.StartAsync();

        // The guard only turns a hang into a failure; the runner's own bounds (5 s per request) end it long before.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = await InitialCheckHarness.RunAsync(new Uri(silent.Urls.First()), new InitialCheckOptions { Seed = 1 }, guard.Token);

        Assert.False(run.Result.Passed);
        var first = run.Result.Checks[0];
        Assert.Equal(InitialCheckNames.TokenRefresh, first.Name);
        Assert.Contains(first.Verdicts, v => v.RuleId == "initial.completed" && v.IsWarning && v.Evidence.Actual.Contains("timed out"));
        // Two requests in a row without an answer end the sequence: the first step's and the watcher check's, or the second step's.
        Assert.All(run.Result.Checks.Skip(2).SkipLast(1), c => Assert.True(c.Skipped, c.Name));
        Assert.All(run.Result.Checks.Where(c => c.Skipped), c => Assert.Contains(c.Verdicts, v => v.RuleId == "initial.completed" && v.IsWarning));
        Assert.Contains(run.Result.Checks[^1].Verdicts, v => v.RuleId == "watchers.count" && v.FailedCritically);
        Assert.True(run.Metrics.Endpoints.Snapshot().Sum(e => e.Timeouts) >= 2);
        Assert.True(run.Metrics.Errors.HasCritical);
    }

    [Fact]
    public async Task A_target_that_refuses_connections_fails_the_check()
    {
        // A port that was free a moment ago: nothing listens there now.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var run = await InitialCheckHarness.RunAsync(new Uri($"http://127.0.0.1:{port}"), new InitialCheckOptions { Seed = 1 });

        Assert.False(run.Result.Passed);
        Assert.Contains(run.Result.Checks, c => c.Skipped);
        Assert.All(run.Result.Verdicts.Where(v => !v.Passed), v => Assert.True(v.Critical || v.RuleId is "http.status" or "initial.completed", v.ToString()));
        Assert.Contains(run.Metrics.Errors.Snapshot(), e => e.Kind == ErrorKind.Critical);
    }
}
