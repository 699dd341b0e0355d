using IsuBench.Engine.Metrics;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine;

/// <summary>The kind windows a workload marks on the measured window: one at a time, each kind once, each end heard.</summary>
public sealed class KindWindowMarkTests
{
    private readonly FakeClock _clock = new();
    private readonly EndpointStats _endpoints = new();

    private void Requests(int count)
    {
        for (int i = 0; i < count; i++) _endpoints.RecordRequest("GET /api/rooms", 200, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Each_kind_window_is_marked_with_its_ends_and_heard_by_name()
    {
        var window = new MeasuredWindow(_clock, _endpoints);
        var heard = new List<(string End, string Kind, WindowMark Mark)>();
        window.KindOpened += (kind, mark) => heard.Add(("opened", kind, mark));
        window.KindClosed += (kind, mark) => heard.Add(("closed", kind, mark));
        Requests(5);
        var start = _clock.Monotonic;
        window.OpenKind("GET /api/rooms");
        _clock.Advance(TimeSpan.FromSeconds(2));
        Requests(30);
        window.CloseKind();
        window.CloseKind(); // none open: nothing
        window.OpenKind("GET /");

        Assert.Equal(
            [
                ("opened", "GET /api/rooms", new WindowMark(start, 5)),
                ("closed", "GET /api/rooms", new WindowMark(start + TimeSpan.FromSeconds(2), 35)),
                ("opened", "GET /", new WindowMark(start + TimeSpan.FromSeconds(2), 35)),
            ],
            heard);
        Assert.Equal(
            [new KindWindow("GET /api/rooms", heard[0].Mark, heard[1].Mark), new KindWindow("GET /", heard[2].Mark, null)],
            window.Kinds);
    }

    [Fact]
    public void A_second_kind_window_while_one_is_open_or_a_kind_twice_is_refused()
    {
        var window = new MeasuredWindow(_clock, _endpoints);
        window.OpenKind("GET /");
        Assert.Contains("GET / is still open", Assert.Throws<InvalidOperationException>(() => window.OpenKind("GET /api/rooms")).Message);
        window.CloseKind();
        Assert.Contains("GET / already had", Assert.Throws<InvalidOperationException>(() => window.OpenKind("GET /")).Message);
        Assert.Single(window.Kinds);
    }
}
