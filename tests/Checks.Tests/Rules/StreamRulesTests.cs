using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class StreamRulesTests
{
    private const string Request = "GET /api/stream/rooms/3";
    private static readonly DateTimeOffset Joined = new(2016, 9, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Status_must_be_200()
    {
        VerdictAssert.Passed(StreamRules.StatusIsOk(200, Request), "stream.status");
        VerdictAssert.Failed(StreamRules.StatusIsOk(502, Request), "stream.status", "The stream did not answer with status 200", critical: false);
    }

    [Theory]
    [InlineData("text/event-stream", true)]
    [InlineData("text/event-stream; charset=utf-8", true)]
    [InlineData("Text/Event-Stream", false)] // the original compared the prefix exactly
    [InlineData("text/event-streaming", true)] // ... and only the prefix
    [InlineData("text/plain", false)]
    [InlineData("application/json;charset=utf-8", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Content_type_must_be_event_stream(string? contentType, bool passes)
    {
        var verdict = StreamRules.ContentTypeIsEventStream(contentType, Request);
        if (passes) VerdictAssert.Passed(verdict, "stream.content-type");
        else VerdictAssert.Failed(verdict, "stream.content-type", "The stream's Content-Type is not text/event-stream", critical: false);
    }

    [Fact]
    public void A_bad_request_event_is_an_error()
    {
        VerdictAssert.Passed(StreamRules.NotBadRequest("watcher_count", "1", Request), "stream.bad-request");
        var verdict = StreamRules.NotBadRequest("bad_request", "トークンエラー", Request);
        VerdictAssert.Failed(verdict, "stream.bad-request", "The stream sent a bad_request event", critical: false);
        Assert.Equal("bad_request: トークンエラー", verdict.Evidence.Actual);
    }

    [Fact]
    public void Stroke_event_data_must_be_a_stroke()
    {
        var read = StreamRules.ReadStrokeEvent(ApiJsonSamples.Stroke(5, points: [(1, 2), (3, 4)]), Request);
        Assert.True(read.Ok);
        Assert.Equal(2, read.Value!.Points.Count);
        foreach (var data in new[] { "{\"id\":\"5\"}", "[]", "{\"points\":{}}", "" })
            VerdictAssert.Failed(StreamRules.ReadStrokeEvent(data, Request).Verdict,
                "stream.stroke-data", "A stroke event's data is not a valid stroke", critical: false);
        // Absent fields are zeros, as the original read them.
        Assert.Equal(0, StreamRules.ReadStrokeEvent("{}", Request).Value!.Id);
    }

    [Fact]
    public void Watcher_count_data_must_be_a_number()
    {
        var read = StreamRules.ReadWatcherCountEvent("3", Request);
        Assert.True(read.Ok);
        Assert.Equal(3, read.Value);
        Assert.Equal(-1, StreamRules.ReadWatcherCountEvent("-1", Request).Value);
        Assert.Equal(2, StreamRules.ReadWatcherCountEvent("+2", Request).Value);
        foreach (var data in new[] { "", "three", "1.5", " 3", "3\n" })
            VerdictAssert.Failed(StreamRules.ReadWatcherCountEvent(data, Request).Verdict,
                "stream.watcher-count-data", "A watcher_count event's data is not a number", critical: false);
    }

    [Fact]
    public void A_new_stroke_arriving_more_than_5_s_after_creation_is_an_error()
    {
        var created = Joined.AddSeconds(10);
        VerdictAssert.Passed(StreamRules.DeliveredInTime(Stroke(created), Joined, created.AddSeconds(5), Request), "stream.delivery-delay");
        var verdict = StreamRules.DeliveredInTime(Stroke(created), Joined, created.AddMilliseconds(5001), Request);
        VerdictAssert.Failed(verdict, "stream.delivery-delay", "A stroke arrived more than 5 seconds after it was created", critical: false);
        Assert.EndsWith("5.001 s later", verdict.Evidence.Actual);
    }

    [Fact]
    public void Strokes_from_before_the_watcher_joined_may_arrive_late()
    {
        var old = Joined.AddMinutes(-10);
        VerdictAssert.Passed(StreamRules.DeliveredInTime(Stroke(old), Joined, Joined.AddSeconds(1), Request), "stream.delivery-delay");
        // Created at the very moment of joining still counts as history (the original compared "created after join").
        VerdictAssert.Passed(StreamRules.DeliveredInTime(Stroke(Joined), Joined, Joined.AddSeconds(6), Request), "stream.delivery-delay");
    }

    [Fact]
    public void A_received_stroke_must_have_the_posted_number_of_points()
    {
        VerdictAssert.Passed(StreamRules.PointCountMatches(2, 9, Stroke(Joined, 2).Points.Count, Request), "stream.point-count");
        VerdictAssert.Failed(StreamRules.PointCountMatches(3, 9, Stroke(Joined, 2).Points.Count, Request),
            "stream.point-count", "A received stroke's number of points differs from what was posted", critical: false);
    }

    [Fact]
    public void Delivery_scores_when_less_than_2_s_after_the_post_was_sent_as_the_original_compared()
    {
        Assert.True(ScoringRules.ScoresDelivery(Joined, Joined.AddMilliseconds(1999)));
        Assert.False(ScoringRules.ScoresDelivery(Joined, Joined.AddSeconds(2)));
    }

    [Fact]
    public void A_run_may_tune_both_limits()
    {
        var created = Joined.AddSeconds(1);
        var verdict = StreamRules.DeliveredInTime(Stroke(created), Joined, created.AddMilliseconds(1001), Request, TimeSpan.FromSeconds(1));
        Assert.False(verdict.Passed);
        Assert.StartsWith("stroke 9 within 1 s of", verdict.Evidence.Expected);
        Assert.True(StreamRules.DeliveredInTime(Stroke(created), Joined, created.AddSeconds(9), Request, TimeSpan.FromSeconds(10)).Passed);
        Assert.False(ScoringRules.ScoresDelivery(Joined, Joined.AddMilliseconds(501), TimeSpan.FromMilliseconds(500)));
        Assert.True(ScoringRules.ScoresDelivery(Joined, Joined.AddMilliseconds(2999), TimeSpan.FromSeconds(3)));
    }

    private static ApiStroke Stroke(DateTimeOffset createdAt, int points = 1) =>
        new(9, 3, 10, 1, 1, 1, 0.5, createdAt, Enumerable.Range(1, points).Select(i => new ApiPoint(i, 9, i, i)).ToList());
}
