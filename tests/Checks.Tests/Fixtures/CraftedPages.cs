using System.Globalization;
using System.Text;
using IsuBench.Checks.Documents;

namespace IsuBench.Tests.Checks.Fixtures;

/// <summary>Builds ISUketch pages the way a conforming server renders them, with knobs to break one thing at a time.</summary>
internal sealed class CraftedPages
{
    public string Token { get; set; } = "0123456789abcdef";
    public List<(long Id, int StrokeCount)> Rooms { get; } = Enumerable.Range(1, 100).Select(i => (1000L - i, 41)).ToList();

    /// <summary>Overrides the room element's text for a room id (e.g. a wrong count) or its id attribute.</summary>
    public Func<long, int, string>? StrokeCountText { get; set; }
    public Func<long, string?>? RoomIdAttribute { get; set; }

    /// <summary>The props JSON array; null keeps the default built from <see cref="Rooms"/> and <see cref="Token"/>.</summary>
    public string? PropsJson { get; set; }
    public string ScriptPrefix { get; set; } = "__ASYNC_PROPS__ = ";
    public string? ReactRootInner { get; set; }
    public string? ReactChecksum { get; set; }

    public string DefaultPropsJson()
    {
        var rooms = string.Join(",", Rooms.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{r.Id},\"name\":\"部屋\",\"canvas_width\":1024,\"canvas_height\":768,\"created_at\":\"2016-09-22T00:00:01.123456Z\",\"strokes\":[],\"stroke_count\":{r.StrokeCount},\"watcher_count\":0,\"extra\":true}}")));
        return $"[{{\"rooms\":[{rooms}],\"csrfToken\":\"{Token}\"}}]";
    }

    public string TopPage()
    {
        var body = new StringBuilder();
        foreach (var (id, count) in Rooms)
        {
            var idAttr = RoomIdAttribute is null ? id.ToString(CultureInfo.InvariantCulture) : RoomIdAttribute(id);
            var idText = idAttr is null ? "" : $" id=\"{idAttr}\"";
            var countText = StrokeCountText?.Invoke(id, count) ?? count.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"room\"{idText}><a href=\"/rooms/{id}\"><img src=\"/img/{id}\" width=\"256\"></a><span class=\"stroke_count\">{countText}</span></div>\n");
        }
        var root = ReactRootInner is null ? "" :
            $"<div data-reactroot=\"\" data-reactid=\"1\" data-react-checksum=\"{ReactChecksum}\">{ReactRootInner}</div>";
        return $"<!DOCTYPE html><html data-csrf-token=\"{Token}\"><head><title>ISUketch</title></head><body>" +
               $"<script>{ScriptPrefix}{PropsJson ?? DefaultPropsJson()}</script>{root}<div id=\"app\">{body}</div>" +
               "<script src=\"/bundle.js\"></script></body></html>";
    }

    public static string RoomPage(int polylines) =>
        "<!DOCTYPE html><html data-csrf-token=\"t\"><body><div class=\"canvas\"><svg width=\"1024\" height=\"768\">" +
        string.Concat(Enumerable.Range(1, polylines).Select(i => $"<polyline id=\"{i}\" points=\"1,1 2,2\"></polyline>")) +
        "<polyline points=\"3,3 4,4\"></polyline></svg></div></body></html>";

    public static string Svg(params (long Id, string Points)[] polylines) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" +
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" +
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" baseProfile=\"full\" width=\"1024\" height=\"768\" style=\"width:1024px;height:768px;background-color:white;\" viewBox=\"0 0 1024 768\">" +
        string.Concat(polylines.Select(p =>
            $"<polyline id=\"{p.Id}\" stroke=\"rgba(128,129,130,0.7)\" stroke-width=\"12\" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"none\" points=\"{p.Points}\"></polyline>")) +
        "</svg>";
}
