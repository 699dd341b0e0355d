using IsuBench.Scenarios.Workloads;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads.Gate;

/// <summary>The gate workload's plan and what it measures, on a clock that moves only when told.</summary>
public sealed class GateRecorderTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(40);
    private static readonly GatePlan Plan = new();

    [Fact]
    public void The_plan_warms_up_for_a_quarter_of_the_run_at_most_10_s_then_splits_the_rest_into_its_steps()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), GatePlan.WarmUpFor(Duration));
        Assert.Equal(TimeSpan.FromSeconds(2), GatePlan.WarmUpFor(TimeSpan.FromSeconds(8)));
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)], Plan.StepStarts(Duration));
        Assert.Equal(-1, Plan.StepAt(TimeSpan.FromSeconds(9.9), Duration));
        Assert.Equal(0, Plan.StepAt(TimeSpan.FromSeconds(10), Duration));
        Assert.Equal(2, Plan.StepAt(TimeSpan.FromSeconds(39), Duration));
    }

    [Fact]
    public void Requests_of_the_warm_up_are_not_measured_and_the_others_give_p50_and_p99_per_endpoint()
    {
        var (clock, recorder, phaseStart) = Start();
        Measure(clock, recorder, "GET /api/rooms", phaseStart + TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500));
        clock.Advance(TimeSpan.FromSeconds(10));
        for (int i = 1; i <= 100; i++)
            Measure(clock, recorder, "GET /api/rooms", clock.Monotonic, TimeSpan.FromMilliseconds(i));

        var figures = recorder.Figures();
        // HdrHistogram keeps 3 significant digits: values within 0.1 %. The warm-up's 500 ms would show in p99 had it counted.
        Assert.Equal(50, figures["GET /api/rooms p50 ms"].Value, tolerance: 0.05);
        Assert.Equal(99, figures["GET /api/rooms p99 ms"].Value, tolerance: 0.1);
        Assert.False(figures["GET /api/rooms p50 ms"].HigherIsBetter);
    }

    [Fact]
    public void A_request_that_starts_late_is_timed_from_when_it_was_due_and_one_within_the_tolerance_from_its_start()
    {
        var (clock, recorder, phaseStart) = Start();
        clock.Advance(TimeSpan.FromSeconds(11));
        var due = clock.Monotonic;
        clock.Advance(TimeSpan.FromMilliseconds(5));
        var onTime = recorder.Begin(due);
        Assert.Equal(due + TimeSpan.FromMilliseconds(5), onTime);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        // The bench fell 105 ms behind: that counts against the request, as it would for a real client.
        Assert.Equal(due, recorder.Begin(due));
        recorder.Request("POST /x", due, recorder.Begin(due), ok: true);
        Assert.Equal(105, recorder.Figures()["POST /x p50 ms"].Value, tolerance: 0.11);
        _ = phaseStart;
    }

    [Fact]
    public void Each_step_gets_the_share_of_live_deliveries_within_2_s_counted_by_when_their_post_was_sent()
    {
        var (clock, recorder, _) = Start();
        var utcStart = clock.UtcNow;
        DeliveryOutcome Delivered(double sentAtSecond, double latencySeconds, bool live = true)
        {
            var sent = utcStart + TimeSpan.FromSeconds(sentAtSecond);
            var receipt = new StrokeReceipt(1, 7, 3, sent + TimeSpan.FromSeconds(latencySeconds), live ? utcStart : sent + TimeSpan.FromDays(1));
            return new DeliveryOutcome(receipt, DeliveryStatus.Scored, sent, 3);
        }
        recorder.Delivery(Delivered(5, 3));        // warm-up: not counted
        recorder.Delivery(Delivered(12, 0.5));     // step 0: on time
        recorder.Delivery(Delivered(13, 2.5));     // step 0: late
        recorder.Delivery(Delivered(25, 1));       // step 1: on time
        recorder.Delivery(Delivered(26, 1, live: false)); // history: not counted

        var figures = recorder.Figures();
        Assert.Equal(new GateFigure(0.5, HigherIsBetter: true), figures["delivered within 2 s, 8 watchers"]);
        Assert.Equal(1.0, figures["delivered within 2 s, 16 watchers"].Value);
        Assert.False(figures.ContainsKey("delivered within 2 s, 32 watchers"));
    }

    private static (FakeClock Clock, GateRecorder Recorder, TimeSpan PhaseStart) Start()
    {
        var clock = new FakeClock();
        var phaseStart = clock.Monotonic;
        return (clock, new GateRecorder(Plan, Duration, TimeSpan.FromSeconds(2), clock, phaseStart, clock.UtcNow), phaseStart);
    }

    private static void Measure(FakeClock clock, GateRecorder recorder, string endpoint, TimeSpan due, TimeSpan takes)
    {
        var start = recorder.Begin(due);
        clock.Advance(takes);
        recorder.Request(endpoint, due, start, ok: true);
    }
}
