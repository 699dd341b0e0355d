using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class StrokeRulesTests
{
    private const string Request = "POST /api/strokes/rooms/3";
    private static readonly DateTimeOffset Sent = new(2016, 9, 22, 0, 0, 1, TimeSpan.Zero);
    private static readonly Vertex[] Posted = [new(10, 20), new(10.5, 20.5), new(11, 21)];

    [Fact]
    public void A_posted_stroke_is_read_and_failures_depend_on_the_phase()
    {
        var ok = StrokeRules.ReadPosted(200, "{\"stroke\":" + ApiJsonSamples.Stroke(8, points: [(1, 2)]) + "}", Request);
        Assert.True(ok.Ok);
        Assert.Equal(8, ok.Value!.Id);
        VerdictAssert.Failed(StrokeRules.ReadPosted(400, "{\"error\":\"x\"}", Request).Verdict, "strokes.post", "Posting a stroke failed", critical: true);
        VerdictAssert.Failed(StrokeRules.ReadPosted(200, "{\"stroke\":null}", Request).Verdict, "strokes.post", "Posting a stroke failed", critical: true);
        VerdictAssert.Failed(StrokeRules.ReadPosted(200, "{\"stroke\":" + ApiJsonSamples.Stroke(-1) + "}", Request).Verdict,
            "strokes.post", "Posting a stroke failed", critical: true);
        VerdictAssert.Failed(StrokeRules.ReadPosted(500, "", Request, CheckPhase.Load).Verdict, "load.strokes.post", "Posting a stroke failed", critical: false);
    }

    [Fact]
    public void Created_at_must_lie_within_500_ms_of_the_request_window()
    {
        VerdictAssert.Passed(StrokeRules.CreatedAtInWindow(Stroke(Sent.AddMilliseconds(100)), Sent, Sent.AddMilliseconds(50), Request), "strokes.created-at");
        var verdict = StrokeRules.CreatedAtInWindow(Stroke(Sent.AddSeconds(-1)), Sent, Sent.AddMilliseconds(50), Request);
        VerdictAssert.Failed(verdict, "strokes.created-at", "The posted stroke's created_at is wrong", critical: true);
        Assert.Equal("2016-09-22T00:00:00.000000Z", verdict.Evidence.Actual);
    }

    [Fact]
    public void Round_trip_passes_within_a_tenth()
    {
        var returned = Stroke(Sent, (10.1, 19.9), (10.5, 20.5), (10.9999, 21.1));
        VerdictAssert.AllPassed(StrokeRules.RoundTrip(Posted, returned, Request));
    }

    [Fact]
    public void Round_trip_fails_on_a_point_moved_by_two_tenths()
    {
        var verdict = VerdictAssert.OnlyFailure(StrokeRules.RoundTrip(Posted, Stroke(Sent, (10, 20), (10.7, 20.5), (11, 21)), Request));
        VerdictAssert.Failed(verdict, "strokes.point-values", "The posted stroke is not reflected (x,y values were altered)", critical: true);
        Assert.Equal("point 1 at 10.5,20.5 (±0.1)", verdict.Evidence.Expected);
        Assert.Equal("10.7,20.5", verdict.Evidence.Actual);
    }

    [Fact]
    public void Round_trip_fails_on_a_missing_point_before_comparing_values()
    {
        var verdicts = StrokeRules.RoundTrip(Posted, Stroke(Sent, (10, 20), (10.5, 20.5)), Request);
        var verdict = Assert.Single(verdicts);
        VerdictAssert.Failed(verdict, "strokes.point-count", "The posted stroke is not reflected (the number of points differs)", critical: true);
    }

    [Fact]
    public void More_than_two_whole_second_timestamps_mean_sub_second_time_is_not_stored()
    {
        var micro = Sent.AddTicks(10);
        VerdictAssert.Passed(StrokeRules.SubSecondStored([Sent, Sent.AddSeconds(1), micro, micro], Request), "strokes.sub-second");
        var verdict = StrokeRules.SubSecondStored([Sent, Sent.AddSeconds(1), micro, Sent.AddSeconds(2)], Request);
        VerdictAssert.Failed(verdict, "strokes.sub-second", "Sub-second time is not stored", critical: true);
        Assert.StartsWith("3 of 4", verdict.Evidence.Actual);
    }

    [Fact]
    public void A_strangers_first_stroke_must_get_400()
    {
        VerdictAssert.Passed(StrokeRules.FirstStrokeRejected(400, "{\"error\":\"not owner\"}", Request), "strokes.first-by-owner");
        foreach (var status in new[] { 200, 403, 500 })
            VerdictAssert.Failed(StrokeRules.FirstStrokeRejected(status, "{}", Request),
                "strokes.first-by-owner", "Someone other than the owner could draw the first stroke of a room", critical: true);
    }

    private static ApiStroke Stroke(DateTimeOffset createdAt, params (double X, double Y)[] points) =>
        new(1, 3, 10, 100, 100, 100, 0.5, createdAt, points.Select((p, i) => new ApiPoint(i + 1, 1, p.X, p.Y)).ToList());
}
