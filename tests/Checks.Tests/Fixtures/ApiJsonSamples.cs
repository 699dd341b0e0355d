using System.Globalization;

namespace IsuBench.Tests.Checks.Fixtures;

/// <summary>API JSON bodies as a conforming server writes them.</summary>
internal static class ApiJsonSamples
{
    public const string CreatedAt = "2016-09-22T00:00:01.123456Z";

    public static string Point(long id, long strokeId, double x, double y) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"stroke_id\":{strokeId},\"x\":{x},\"y\":{y}}}");

    public static string Stroke(long id = 7, string createdAt = CreatedAt, params (double X, double Y)[] points) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{id},\"room_id\":3,\"width\":12,\"red\":128,\"green\":129,\"blue\":130,\"alpha\":0.7,\"created_at\":\"{createdAt}\",\"points\":[") +
        string.Join(",", points.Select((p, i) => Point(i + 1, id, p.X, p.Y))) + "]}";

    public static string Room(long id = 3, int strokeCount = 0, string strokes = "", string createdAt = CreatedAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{id},\"name\":\"ひたすら椅子を描く部屋\",\"canvas_width\":1024,\"canvas_height\":768,\"created_at\":\"{createdAt}\",\"strokes\":[{strokes}],\"stroke_count\":{strokeCount},\"watcher_count\":1}}");

    public static string RoomList(int count) => "{\"rooms\":[" + string.Join(",", Enumerable.Range(1, count).Select(i => Room(i, 41))) + "]}";
}
