using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Tests.Checks.Fixtures;

/// <summary>
/// Applies to each recorded exchange the rules the benchmark applies to such a response, in the order they were recorded (a page
/// is compared with the room list recorded before it, an image with the strokes posted before it). Exchanges the benchmark never
/// makes (made by hand, unknown ids, a bad token) are set aside with the reason.
/// </summary>
public sealed class TranscriptReplay(FrontEnd frontEnd)
{
    private readonly Dictionary<long, IReadOnlyList<Vertex>> _posted = [];
    private readonly Dictionary<long, ApiRoom> _fetchedRooms = [];
    private IReadOnlyList<ApiRoom>? _roomList;

    /// <summary>Every verdict applied, with the exchange it was applied to.</summary>
    public List<(RecordedExchange Exchange, Verdict Verdict)> Verdicts { get; } = [];

    /// <summary>The exchanges no rule applies to, with why.</summary>
    public List<(RecordedExchange Exchange, string Reason)> SetAside { get; } = [];

    /// <summary>Replays <paramref name="exchanges"/> in order.</summary>
    public TranscriptReplay Run(IEnumerable<RecordedExchange> exchanges)
    {
        foreach (var exchange in exchanges) Replay(exchange);
        return this;
    }

    private void Replay(RecordedExchange x)
    {
        var request = $"{x.Method} {x.Path}";
        var path = x.PathOnly;
        if (x.MadeByHand)
        {
            SetAside.Add((x, "made by hand after the benchmark ran (unknown ids, a bad token or body)"));
            return;
        }
        switch (x.Method, Shape(path), x.Status)
        {
            case ("GET", "/", 200):
                var top = HtmlDocument.Parse(x.Body!);
                Add(x, TokenRules.ReadPageToken(top, request).Verdict);
                Add(x, TopPageRules.Content(top, frontEnd, request));
                if (_roomList is not null) Add(x, ConsistencyRules.TopPageMatchesApi(_roomList, top, request));
                break;
            case ("GET", "/rooms/{id}", 200):
                var page = HtmlDocument.Parse(x.Body!);
                Add(x, TokenRules.ReadPageToken(page, request).Verdict);
                if (_fetchedRooms.TryGetValue(IdOf(path), out var apiRoom)) Add(x, ConsistencyRules.RoomPageMatchesApi(apiRoom, page, request));
                break;
            case ("GET", "/api/rooms", 200):
                var list = RoomRules.ReadList(x.Status, x.Body!, request);
                Add(x, list.Verdict);
                if (!list.Ok) break;
                Add(x, RoomRules.HasExactly100(list.Value!, request), ContractRules.HasFields(list.Absent, ApiDocumentKind.RoomList, request));
                _roomList = list.Value;
                break;
            case ("GET", "/api/rooms/{id}", 200):
                var fetched = RoomRules.ReadFetched(x.Status, x.Body!, request);
                Add(x, fetched.Verdict);
                if (!fetched.Ok) break;
                Add(x, RoomRules.HasAnyStroke(fetched.Value!, request), ContractRules.HasFields(fetched.Absent, ApiDocumentKind.Room, request));
                _fetchedRooms[fetched.Value!.Id] = fetched.Value;
                break;
            case ("POST", "/api/rooms", 200):
                var created = RoomRules.ReadCreated(x.Status, x.Body!, request);
                Add(x, created.Verdict);
                if (!created.Ok) break;
                Add(x, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, request),
                    RoomRules.CreatedAtInWindow(created.Value!, x.RecordedAt, x.RecordedAt, request));
                break;
            case ("POST", "/api/strokes/rooms/{id}", 200):
                var posted = StrokeRules.ReadPosted(x.Status, x.Body!, request);
                Add(x, posted.Verdict);
                if (!posted.Ok) break;
                var sent = SentPoints(x.RequestBody!);
                Add(x, ContractRules.HasFields(posted.Absent, ApiDocumentKind.Stroke, request),
                    StrokeRules.CreatedAtInWindow(posted.Value!, x.RecordedAt, x.RecordedAt, request));
                Add(x, StrokeRules.RoundTrip(sent, posted.Value!, request));
                _posted[posted.Value!.Id] = sent;
                break;
            case ("POST", "/api/strokes/rooms/{id}", 400):
                Add(x, StrokeRules.FirstStrokeRejected(x.Status, x.Body!, request));
                break;
            case ("GET", "/img/{id}", 200):
                var image = SvgRules.ReadImage(x.Body!, request);
                Add(x, image.Verdict);
                if (!image.Ok) break;
                foreach (var polyline in image.Value!.Polylines)
                {
                    if (long.TryParse(polyline.Id, CultureInfo.InvariantCulture, out var id) && _posted.TryGetValue(id, out var points))
                        Add(x, SvgRules.StrokeReflected(image.Value, id, points, request));
                }
                break;
            case ("GET", "/bundle.js" or "/css/sanitize.css" or "/css/rc-color-picker.css", _):
                Add(x, StaticFileRules.Md5Matches(path, x.Status, x.Md5, x.Bytes, frontEnd, request));
                break;
            case ("GET", "/api/stream/rooms/{id}", 200):
                Add(x, StreamRules.StatusIsOk(x.Status, request), StreamRules.ContentTypeIsEventStream(x.ContentType, request));
                foreach (var item in CompleteEvents(x.Body!))
                {
                    Add(x, StreamRules.NotBadRequest(item.EventType, item.Data, request));
                    if (item.EventType == "stroke")
                    {
                        var stroke = StreamRules.ReadStrokeEvent(item.Data, request);
                        Add(x, stroke.Verdict);
                        if (stroke.Ok) Add(x, ContractRules.HasFields(stroke.Absent, ApiDocumentKind.Stroke, request));
                    }
                    else if (item.EventType == "watcher_count")
                    {
                        Add(x, StreamRules.ReadWatcherCountEvent(item.Data, request).Verdict);
                    }
                }
                break;
            default:
                throw new InvalidOperationException($"no replay for {request} {x.Status}: the benchmark makes this request, so it needs its rules here");
        }
    }

    private void Add(RecordedExchange x, params IEnumerable<Verdict> verdicts) => Verdicts.AddRange(verdicts.Select(v => (x, v)));

    private static string Shape(string path)
    {
        foreach (var prefix in new[] { "/rooms/", "/api/rooms/", "/api/strokes/rooms/", "/img/", "/api/stream/rooms/" })
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length) return prefix + "{id}";
        return path;
    }

    private static long IdOf(string path) => long.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    private static List<Vertex> SentPoints(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => new Vertex(p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList();
    }

    // Recorded streams are cut at 16 KiB: only the events before the last blank line are whole.
    private static List<SseItem<string>> CompleteEvents(string body)
    {
        var whole = body[..(body.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)];
        return SseParser.Create(new MemoryStream(Encoding.UTF8.GetBytes(whole))).Enumerate().ToList();
    }
}
