using IsuBench.Engine.Metrics;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class MeasuredWindowTests
{
    private readonly FakeClock _clock = new();
    private readonly EndpointStats _endpoints = new();

    private void Requests(int count)
    {
        for (int i = 0; i < count; i++) _endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Each_end_is_marked_once_with_its_instant_and_the_requests_finished_by_then()
    {
        var window = new MeasuredWindow(_clock, _endpoints);
        var heard = new List<(string End, WindowMark Mark)>();
        window.Opened += mark => heard.Add(("opened", mark));
        window.Closed += mark => heard.Add(("closed", mark));
        Requests(3);
        var openedAt = _clock.Monotonic;
        window.Open();
        _clock.Advance(TimeSpan.FromSeconds(20));
        Requests(7);
        window.Open();
        window.Close();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Requests(1);
        window.Close();

        Assert.Equal([("opened", new WindowMark(openedAt, 3)), ("closed", new WindowMark(openedAt + TimeSpan.FromSeconds(20), 10))], heard);
        Assert.Equal(heard[0].Mark, window.OpenedAt);
        Assert.Equal(heard[1].Mark, window.ClosedAt);
    }

    [Fact]
    public void A_window_that_never_opened_does_not_close()
    {
        var window = new MeasuredWindow(_clock, _endpoints);
        bool closed = false;
        window.Closed += _ => closed = true;
        window.Close();
        Assert.False(closed);
        Assert.Null(window.ClosedAt);
    }
}
