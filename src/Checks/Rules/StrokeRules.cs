using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about posting strokes: the answer, its timestamp, its points, and who may draw first.</summary>
public static class StrokeRules
{
    /// <summary>How far a returned coordinate may be from the posted one (the schema stores 4 decimals).</summary>
    public const double Tolerance = 0.1;

    // Decimal coordinates are inexact in binary: 20 - 19.9 is 0.10000000000000142, which must still count as within 0.1.
    private const double RoundingSlack = 1e-9;

    /// <summary>How many strokes may have a <c>created_at</c> on a whole second before sub-second storage is deemed missing.</summary>
    public const int AllowedWholeSecondTimestamps = 2;

    /// <summary><c>POST /api/strokes/rooms/{id}</c> answers 200 with a stroke of positive id (initial check).</summary>
    public static readonly Rule Post = new("strokes.post", "Posting a stroke failed", true);

    /// <summary><c>POST /api/strokes/rooms/{id}</c> under load.</summary>
    public static readonly Rule PostUnderLoad = new("load.strokes.post", "Posting a stroke failed", false);

    /// <summary>The posted stroke's <c>created_at</c> lies within ±500 ms of the request.</summary>
    public static readonly Rule CreatedAt = new("strokes.created-at", "The posted stroke's created_at is wrong", true);

    /// <summary>The stroke comes back with as many points as were posted.</summary>
    public static readonly Rule PointCount = new("strokes.point-count", "The posted stroke is not reflected (the number of points differs)", true);

    /// <summary>Every returned x,y is within 0.1 of what was posted.</summary>
    public static readonly Rule PointValues = new("strokes.point-values", "The posted stroke is not reflected (x,y values were altered)", true);

    /// <summary>At most two of the posted strokes have a <c>created_at</c> with a zero sub-second part.</summary>
    public static readonly Rule SubSecond = new("strokes.sub-second", "Sub-second time is not stored", true);

    /// <summary>A stranger posting the first stroke into someone else's room gets 400.</summary>
    public static readonly Rule FirstStrokeByOwner = new("strokes.first-by-owner", "Someone other than the owner could draw the first stroke of a room", true);

    /// <summary>Reads a stroke POST response; fails unless 200 with a valid stroke of positive id.</summary>
    public static Parsed<ApiStroke> ReadPosted(int status, string body, string request, CheckPhase phase = CheckPhase.Initial)
    {
        var rule = phase == CheckPhase.Initial ? Post : PostUnderLoad;
        if (status != 200) return Parsed<ApiStroke>.Failure(rule.Fail(request, "status 200", $"status {status}: {body}"));
        var read = ApiDocuments.ReadStrokeResponse(body);
        if (!read.Ok) return Parsed<ApiStroke>.Failure(rule.Fail(request, "{\"stroke\": {...}}", $"{read.Problem}: {body}"));
        return read.Value!.Id > 0
            ? Parsed<ApiStroke>.Success(read.Value, rule.Pass(request)) with { Absent = read.Absent }
            : Parsed<ApiStroke>.Failure(rule.Fail(request, "a stroke with a positive id", $"id {read.Value.Id}"));
    }

    /// <summary>The stroke's <c>created_at</c> within ±500 ms of [sent, received] of its POST.</summary>
    public static Verdict CreatedAtInWindow(ApiStroke stroke, DateTimeOffset sent, DateTimeOffset received, string request) =>
        TimeWindow.Check(CreatedAt, stroke.CreatedAt, sent, received, request);

    /// <summary>The returned stroke has the posted number of points, then each within 0.1; one verdict per rule evaluated (values only when counts match).</summary>
    public static IReadOnlyList<Verdict> RoundTrip(IReadOnlyList<Vertex> posted, ApiStroke returned, string request)
    {
        var count = PointCount.Check(posted.Count == returned.Points.Count, request, $"{posted.Count} points", $"{returned.Points.Count} points");
        if (!count.Passed) return [count];
        var received = returned.Points.Select(p => new Vertex(p.X, p.Y)).ToList();
        return [count, VerticesMatch(PointValues, posted, received, request)];
    }

    /// <summary>Fails when more than two of <paramref name="createdAts"/> fall exactly on a whole second.</summary>
    public static Verdict SubSecondStored(IReadOnlyList<DateTimeOffset> createdAts, string request)
    {
        var whole = createdAts.Where(t => t.UtcTicks % TimeSpan.TicksPerSecond == 0).ToList();
        return SubSecond.Check(whole.Count <= AllowedWholeSecondTimestamps, request,
            $"at most {AllowedWholeSecondTimestamps} created_at on a whole second",
            $"{whole.Count} of {createdAts.Count}, e.g. {string.Join(", ", whole.Take(3).Select(TimeWindow.Format))}");
    }

    /// <summary>A stranger's first stroke into a fresh room must be answered 400.</summary>
    public static Verdict FirstStrokeRejected(int status, string body, string request) =>
        FirstStrokeByOwner.Check(status == 400, request, "status 400", $"status {status}: {body}");

    /// <summary>Compares vertex lists of equal length pairwise within <see cref="Tolerance"/>, naming the first that differs.</summary>
    internal static Verdict VerticesMatch(Rule rule, IReadOnlyList<Vertex> expected, IReadOnlyList<Vertex> actual, string request)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            if (!(Math.Abs(e.X - a.X) <= Tolerance + RoundingSlack && Math.Abs(e.Y - a.Y) <= Tolerance + RoundingSlack))
                return rule.Fail(request, $"point {i} at {Format(e)} (±{Tolerance.ToString(CultureInfo.InvariantCulture)})", Format(a));
        }
        return rule.Pass(request);
    }

    private static string Format(Vertex v) => string.Create(CultureInfo.InvariantCulture, $"{v.X},{v.Y}");
}
