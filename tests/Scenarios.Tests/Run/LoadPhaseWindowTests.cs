using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Run;

/// <summary>ISUCON load has no warm-up: its measured window is the whole phase, every request of it inside.</summary>
public sealed class LoadPhaseWindowTests
{
    [Fact]
    public async Task The_window_holds_every_request_of_the_phase()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        using var sessions = TestRuns.Sessions(server.Origin);

        await LoadPhase.RunAsync(new LoadOptions { Duration = TimeSpan.FromSeconds(1), GracePeriod = TimeSpan.FromSeconds(10) }, sessions, CancellationToken.None);

        var opened = Assert.NotNull(sessions.Metrics.Window.OpenedAt);
        var closed = Assert.NotNull(sessions.Metrics.Window.ClosedAt);
        Assert.Equal(0, opened.Requests);
        // Closed when the last worker stopped: nothing finished after it (on a busy machine nothing may have finished at all).
        Assert.Equal(sessions.Metrics.Endpoints.TotalRequests, closed.Requests);
        Assert.True(closed.At > opened.At);
    }
}
