using System.Globalization;
using System.Text.Json.Nodes;
using IsuBench.Checks.Rules;

namespace IsuBench.Integration.Mutants;

/// <summary>Mutants of the JSON API: rooms and strokes created, listed and fetched wrongly.</summary>
public static class ApiMutants
{
    /// <summary>Fresh instances of every API mutant.</summary>
    public static IEnumerable<Mutant> Create() =>
    [
        new() { Name = "room-create-fails", Breaks = RoomRules.Create.Id, Response = r => { if (r.Is("POST", "/api/rooms")) Error(r, 500); } },
        new() { Name = "room-created-at-hour-off", Breaks = RoomRules.CreatedAt.Id, Response = r => EditJson(r, "POST", "/api/rooms", j => ShiftTime(j["room"]!, TimeSpan.FromHours(1))) },
        new() { Name = "stroke-post-fails", Breaks = StrokeRules.Post.Id, Response = r => { if (r.Is("POST", "/api/strokes/") && r.Status == 200) Error(r, 500); } },
        new() { Name = "stroke-created-at-hour-off", Breaks = StrokeRules.CreatedAt.Id, Response = r => EditStroke(r, s => ShiftTime(s, TimeSpan.FromHours(-1))) },
        new() { Name = "stroke-created-at-without-microseconds", Breaks = StrokeRules.SubSecond.Id, Response = r => EditStroke(r, s =>
            {
                var text = (string)s["created_at"]!;
                s["created_at"] = text[..text.IndexOf('.')] + "Z";
            }) },
        new() { Name = "stroke-point-moved", Breaks = StrokeRules.PointValues.Id, Response = r => EditStroke(r, s =>
            {
                var point = s["points"]![0]!;
                point["x"] = (double)point["x"]! + 0.2;
            }) },
        new() { Name = "stroke-point-dropped", Breaks = StrokeRules.PointCount.Id, Response = r => EditStroke(r, s =>
            {
                var points = s["points"]!.AsArray();
                points.RemoveAt(points.Count - 1);
            }) },
        new() { Name = "stranger-first-stroke-accepted", Breaks = StrokeRules.FirstStrokeByOwner.Id, Response = r =>
            {
                if (!r.Is("POST", "/api/strokes/") || r.Status != 400) return;
                r.Status = 200;
                r.ContentType = "application/json; charset=utf-8";
                r.Text = """{"stroke":{"id":999999,"room_id":1,"width":10,"red":1,"green":1,"blue":1,"alpha":0.5,"created_at":"2016-09-22T00:00:00.000001Z","points":[]}}""";
            } },
        new() { Name = "room-list-99-rooms", Breaks = RoomRules.ListCount.Id, Response = r => EditJson(r, "GET", "/api/rooms", j =>
            {
                var rooms = j["rooms"]!.AsArray();
                rooms.RemoveAt(rooms.Count - 1);
            }, exact: true) },
        new() { Name = "room-list-garbled", Breaks = RoomRules.List.Id, Response = r => { if (r.IsGet("/api/rooms")) r.Text = """{"rooms": {"id": 1}}"""; } },
        new() { Name = "room-without-strokes-in-api", Breaks = RoomRules.HasStrokes.Id, Response = r => EditJson(r, "GET", "/api/rooms/", j => j["room"]!["strokes"] = new JsonArray()) },
        new() { Name = "room-api-not-found", Breaks = RoomRules.Get.Id, Response = r => { if (r.Is("GET", "/api/rooms/")) Error(r, 404); } },
    ];

    private static void Error(ProxyResponse response, int status)
    {
        response.Status = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Text = """{"error": "broken on purpose"}""";
    }

    private static void EditStroke(ProxyResponse response, Action<JsonNode> edit) =>
        EditJson(response, "POST", "/api/strokes/", j => edit(j["stroke"]!));

    private static void EditJson(ProxyResponse response, string method, string path, Action<JsonNode> edit, bool exact = false)
    {
        if (response.Status != 200 || response.Method != method) return;
        if (exact ? response.Path != path : !response.Path.StartsWith(path, StringComparison.Ordinal)) return;
        var json = JsonNode.Parse(response.Text)!;
        edit(json);
        response.Text = json.ToJsonString();
    }

    private static void ShiftTime(JsonNode item, TimeSpan by)
    {
        var time = DateTimeOffset.Parse((string)item["created_at"]!, CultureInfo.InvariantCulture);
        item["created_at"] = time.Add(by).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }
}
