using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Engine;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// Step 2: create a room and draw the <c>stool</c> shape into it. The room's and the first stroke's <c>created_at</c> lie in the
/// request window; another session's <c>/</c> then lists the room's image; every stroke comes back as posted (within 0.1);
/// at most two strokes have a whole-second <c>created_at</c>; after each later stroke, <c>/img/{room}</c> draws it as posted.
/// </summary>
internal sealed class StrokeReflectionCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.StrokeReflection;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var owner = context.NewSession();
        var top = await PageLoad.GetAsync(context, owner, "/", "GET /", RoomRules.Create, cancellationToken);
        if (!top.Ok) return;
        context.Judge(owner, top.Response, top.PageVerdicts);

        var room = await CreateRoomAsync(context, owner, top.Token!, cancellationToken);
        if (room is null) return;

        var strokes = StrokeSeeds.Load("stool").Select(s => Jitter.Fluctuate(s, context.Random)).ToList();
        var createdAts = new List<DateTimeOffset>();
        var first = await PostAsync(context, owner, top.Token!, room.Id, strokes[0], checkCreatedAt: true, cancellationToken);
        if (first is null) return;
        createdAts.Add(first.CreatedAt);

        var viewer = context.NewSession();
        var viewerTop = await PageLoad.GetAsync(context, viewer, "/", "GET /", TopPageRules.ListsDrawnRoom, cancellationToken);
        if (!viewerTop.Ok) return;
        var listed = context.Judge(viewer, viewerTop.Response, [.. viewerTop.PageVerdicts, TopPageRules.ListsRoomImage(viewerTop.Page!, room.Id, "GET / after the first stroke")]);
        if (!listed) return;

        foreach (var stroke in strokes.Skip(1))
        {
            var posted = await PostAsync(context, owner, top.Token!, room.Id, stroke, checkCreatedAt: false, cancellationToken);
            if (posted is null) return;
            createdAts.Add(posted.CreatedAt);
            if (!await ImageShowsAsync(context, owner, room.Id, posted.Id, stroke.Points, cancellationToken)) return;
        }
        context.Record(StrokeRules.SubSecondStored(createdAts, $"POST {IsuketchRequests.StrokePath(room.Id)} x{createdAts.Count}"));
    }

    private static async Task<ApiRoom?> CreateRoomAsync(CheckContext context, Session session, string token, CancellationToken cancellationToken)
    {
        var response = await IsuketchRequests.CreateRoomAsync(session, token, "ひたすら椅子を描く部屋", cancellationToken);
        const string request = "POST /api/rooms";
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), request);
        if (!created.Ok)
        {
            context.Judge(session, response, created.Verdict);
            return null;
        }
        // A wrong timestamp is judged, but the room is there: the strokes are still worth checking.
        context.Judge(session, response, created.Verdict, RoomRules.CreatedAtInWindow(created.Value!, response.SentAt, response.ReceivedAt, request));
        return created.Value;
    }

    private static async Task<ApiStroke?> PostAsync(
        CheckContext context, Session session, string token, long roomId, StrokeShape stroke, bool checkCreatedAt, CancellationToken cancellationToken)
    {
        var response = await IsuketchRequests.PostStrokeAsync(session, token, roomId, stroke, cancellationToken);
        var request = $"POST {IsuketchRequests.StrokePath(roomId)}";
        var posted = StrokeRules.ReadPosted(response.Status, ResponseText.Body(response), request);
        if (!posted.Ok)
        {
            context.Judge(session, response, posted.Verdict);
            return null;
        }
        var verdicts = new List<Verdict> { posted.Verdict };
        if (checkCreatedAt) verdicts.Add(StrokeRules.CreatedAtInWindow(posted.Value!, response.SentAt, response.ReceivedAt, request));
        verdicts.AddRange(StrokeRules.RoundTrip(stroke.Points, posted.Value!, request));
        // The stroke was stored even when its answer is wrong: go on, so the image and the other timestamps are checked too.
        context.Judge(session, response, verdicts);
        return posted.Value;
    }

    private static async Task<bool> ImageShowsAsync(
        CheckContext context, Session session, long roomId, long strokeId, IReadOnlyList<Vertex> points, CancellationToken cancellationToken)
    {
        var path = TopPageRules.ImagePath(roomId);
        var request = $"GET {path} after stroke {strokeId.ToString(CultureInfo.InvariantCulture)}";
        var response = await session.GetAsync(path, "GET /img/{id}", cancellationToken);
        var image = SvgRules.ReadImage(response.Status, ResponseText.Body(response), request);
        if (!image.Ok) return context.Judge(session, response, image.Verdict);
        return context.Judge(session, response, [image.Verdict, .. SvgRules.StrokeReflected(image.Value!, strokeId, points, request)]);
    }
}
