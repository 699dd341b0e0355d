using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Workloads;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads.Gate;

/// <summary>The gate workload marks its measured window where its recorder starts counting: after the warm-up.</summary>
public sealed class GateWindowTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task The_window_opens_when_the_warm_up_ends_and_closes_when_the_workload_does()
    {
        // A server that creates no room: the plan has nothing to send, and the workload ends after the warm-up.
        await using var server = await ScriptedServer.StartAsync((context, _) => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        using var sessions = TestRuns.Sessions(server.Origin);
        var window = sessions.Metrics.Window;
        var before = SystemClock.Instance.Monotonic;

        await GateWorkload.RunAsync(new GatePlan(), new LoadOptions { Duration = Duration }, sessions, CancellationToken.None);

        var opened = Assert.NotNull(window.OpenedAt);
        var closed = Assert.NotNull(window.ClosedAt);
        // The timer may fire up to a millisecond early against the monotonic clock.
        Assert.True(opened.At - before >= GatePlan.WarmUpFor(Duration) - TimeSpan.FromMilliseconds(2), $"opened {opened.At - before} in");
        Assert.True(closed.At >= opened.At);
        // The top pages of the rooms it tried to create came before the window.
        Assert.Equal(new GatePlan().Rooms, opened.Requests);
    }

    [Fact]
    public async Task A_run_cancelled_during_the_warm_up_measures_no_window()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await GateWorkload.RunAsync(new GatePlan(), new LoadOptions { Duration = Duration }, sessions, cancel.Token);

        Assert.Null(sessions.Metrics.Window.OpenedAt);
        Assert.Null(sessions.Metrics.Window.ClosedAt);
    }
}
