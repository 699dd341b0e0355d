using System.Globalization;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules a watcher applies to the SSE stream <c>GET /api/stream/rooms/{id}</c> and its events during the load phase.</summary>
public static class StreamRules
{
    /// <summary>How late after its <c>created_at</c> a stroke created after the watcher joined may arrive.</summary>
    public static readonly TimeSpan MaxDeliveryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The stream answers 200 (otherwise the watcher leaves).</summary>
    public static readonly Rule Status = new("stream.status", "The stream did not answer with status 200", false) { NamesActual = true };

    /// <summary>The stream's Content-Type is <c>text/event-stream</c>.</summary>
    public static readonly Rule ContentType = new("stream.content-type", "The stream's Content-Type is not text/event-stream", false) { NamesActual = true };

    /// <summary>The stream does not send <c>bad_request</c> to a watcher with a fresh token (otherwise the watcher leaves).</summary>
    public static readonly Rule NoBadRequest = new("stream.bad-request", "The stream sent a bad_request event", false) { NamesActual = true };

    /// <summary>A <c>stroke</c> event's data is a stroke object.</summary>
    public static readonly Rule StrokeData = new("stream.stroke-data", "A stroke event's data is not a valid stroke", false);

    /// <summary>A <c>watcher_count</c> event's data is an integer.</summary>
    public static readonly Rule WatcherCountData = new("stream.watcher-count-data", "A watcher_count event's data is not a number", false) { NamesActual = true };

    /// <summary>A stroke created after the watcher joined arrives within 5 s of its <c>created_at</c> (otherwise the watcher leaves).</summary>
    public static readonly Rule DeliveryDelay = new("stream.delivery-delay", "A stroke arrived more than 5 seconds after it was created", false);

    /// <summary>A received stroke has as many points as were posted.</summary>
    public static readonly Rule PointCount = new("stream.point-count", "A received stroke's number of points differs from what was posted", false);

    /// <summary>Checks the stream's status.</summary>
    public static Verdict StatusIsOk(int status, string request) =>
        Status.Check(status == 200, request, "status 200", $"status {status}");

    /// <summary>The Content-Type header value starts with <c>text/event-stream</c> (so parameters such as charset may follow), as the original tested it.</summary>
    public static Verdict ContentTypeIsEventStream(string? contentType, string request) =>
        ContentType.Check(contentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true, request, "text/event-stream", contentType ?? "no Content-Type");

    /// <summary>Checks an event's type: <c>bad_request</c> fails with its data as evidence; any other type passes.</summary>
    public static Verdict NotBadRequest(string eventType, string data, string request) =>
        NoBadRequest.Check(eventType != "bad_request", request, "no bad_request event", $"bad_request: {data}");

    /// <summary>Reads a <c>stroke</c> event's data.</summary>
    public static Parsed<ApiStroke> ReadStrokeEvent(string data, string request)
    {
        var read = ApiDocuments.ReadStroke(data);
        return read.Ok
            ? Parsed<ApiStroke>.Success(read.Value!, StrokeData.Pass(request)) with { Absent = read.Absent }
            : Parsed<ApiStroke>.Failure(StrokeData.Fail(request, "a stroke object", $"{read.Problem}: {data}"));
    }

    /// <summary>Reads a <c>watcher_count</c> event's data: a decimal integer with an optional sign, nothing around it (Go's strconv.Atoi, as the original).</summary>
    public static Parsed<int?> ReadWatcherCountEvent(string data, string request) =>
        int.TryParse(data, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? Parsed<int?>.Success(count, WatcherCountData.Pass(request))
            : Parsed<int?>.Failure(WatcherCountData.Fail(request, "an integer", data));

    /// <summary>
    /// A stroke created after <paramref name="joinedAt"/> must arrive within 5 s of its <c>created_at</c>;
    /// strokes older than the watcher (the room's history) pass whatever their age.
    /// </summary>
    /// <remarks><paramref name="maxDelay"/> replaces the 5 s of the original when a run tunes it.</remarks>
    public static Verdict DeliveredInTime(ApiStroke stroke, DateTimeOffset joinedAt, DateTimeOffset receivedAt, string request, TimeSpan? maxDelay = null)
    {
        if (stroke.CreatedAt <= joinedAt) return DeliveryDelay.Pass(request);
        var limit = maxDelay ?? MaxDeliveryDelay;
        var delay = receivedAt - stroke.CreatedAt;
        return DeliveryDelay.Check(delay <= limit, request,
            $"stroke {stroke.Id} within {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s of {TimeWindow.Format(stroke.CreatedAt)}",
            $"received {TimeWindow.Format(receivedAt)}, {delay.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s later");
    }

    /// <summary>A received stroke has the number of points its POST sent.</summary>
    public static Verdict PointCountMatches(int postedPoints, long strokeId, int receivedPoints, string request) =>
        PointCount.Check(receivedPoints == postedPoints, request, $"stroke {strokeId} with {postedPoints} points", $"{receivedPoints} points");
}
