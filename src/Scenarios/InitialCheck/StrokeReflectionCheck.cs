using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// Step 2: create a room and draw the <c>stool</c> shape into it. The room's and the first stroke's <c>created_at</c> lie in the
/// request window; another session's <c>/</c> then lists the room's image; every later stroke comes back as posted (within 0.1),
/// at most two of them have a whole-second <c>created_at</c>, and after each, <c>/img/{room}</c> draws it as posted.
/// </summary>
internal sealed class StrokeReflectionCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.StrokeReflection;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var owner = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (owner is null) return;
        var room = await owner.CreateRoomAsync(context, cancellationToken, checkCreatedAt: true);
        if (room is null) return;

        var strokes = StrokeSeeds.Load("stool").Select(s => Jitter.Fluctuate(s, context.Random)).ToList();
        var first = await PostAsync(context, owner.Session, owner.Token, room.Id, strokes[0], isFirst: true, cancellationToken);
        if (first is null) return;

        var viewer = context.NewSession();
        var viewerTop = await context.Requests.PageAsync(IsuketchApi.TopPageAsync(viewer, cancellationToken),
            (page, _, _) => [TopPageRules.ListsRoomImage(page, room.Id, "GET / after the first stroke")], context.StoppedBy());
        if (!viewerTop.Passed) return;

        // As the original: the later strokes' timestamps are the ones that must show sub-second time.
        var createdAts = new List<DateTimeOffset>();
        var subSecondRequest = $"POST {IsuketchApi.StrokePath(room.Id)} after the first";
        foreach (var stroke in strokes.Skip(1))
        {
            var posted = await PostAsync(context, owner.Session, owner.Token, room.Id, stroke, isFirst: false, cancellationToken);
            if (posted is null) return;
            createdAts.Add(posted.CreatedAt);
            var subSecond = StrokeRules.SubSecondStored(createdAts, subSecondRequest);
            if (!subSecond.Passed)
            {
                context.Record(subSecond);
                return;
            }
            if (!await ImageShowsAsync(context, owner.Session, room.Id, posted.Id, stroke.Points, cancellationToken)) return;
        }
        context.Record(StrokeRules.SubSecondStored(createdAts, subSecondRequest));
    }

    // The first stroke is checked for its timestamp, the later ones for their points (what the original checked of each).
    private static async Task<ApiStroke?> PostAsync(
        CheckContext context, Session session, string token, long roomId, StrokeShape stroke, bool isFirst, CancellationToken cancellationToken)
    {
        var posted = await context.Requests.PostStrokeAsync(session, token, roomId, stroke, cancellationToken, (value, response, request) => isFirst
            ? [StrokeRules.CreatedAtInWindow(value, response.SentAt, response.ReceivedAt, request)]
            : StrokeRules.RoundTrip(stroke.Points, value, request));
        // The stroke was stored even when its answer is wrong: go on, so the image and the other timestamps are checked too.
        return posted.Value;
    }

    private static async Task<bool> ImageShowsAsync(
        CheckContext context, Session session, long roomId, long strokeId, IReadOnlyList<Vertex> points, CancellationToken cancellationToken)
    {
        var path = IsuketchApi.ImagePath(roomId);
        var request = $"GET {path} after stroke {strokeId.ToString(CultureInfo.InvariantCulture)}";
        var response = await IsuketchApi.ImageAsync(session, roomId, cancellationToken);
        if (response.Status != 200)
        {
            // As the original: a wrong status (or no answer) is an ordinary error, and the step ends there.
            return context.Judge(response, ResponseText.StatusFailure(HttpRules.Status, response, 200, request),
                context.Stopped(request, ResponseText.Describe(response)));
        }
        // A 200 whose body could not be read, or is not an SVG, was critical in the original.
        var image = response.Failure == FailureKind.None
            ? SvgRules.ReadImage(response.Text, request)
            : Parsed<SvgDocument>.Failure(SvgRules.Parse.Fail(request, "the whole image", ResponseText.Body(response)));
        if (!image.Ok) return context.Judge(response, image.Verdict);
        return context.Judge(response, [image.Verdict, .. SvgRules.StrokeReflected(image.Value!, strokeId, points, request)]);
    }
}
