using IsuBench.Reference.Domain;

namespace IsuBench.Tests.Reference.Rendering;

/// <summary>Hand-made rooms and strokes for renderer tests.</summary>
internal static class SampleRooms
{
    public static readonly DateTime CreatedAt = new(2016, 9, 22, 0, 0, 1, DateTimeKind.Utc);

    public static Stroke Stroke(long id, long roomId, params (double X, double Y)[] points) =>
        new(id, roomId, Width: 12, Red: 100, Green: 150, Blue: 199, Alpha: 0.7, CreatedAt.AddSeconds(id),
            points.Select((p, i) => new Point(id * 100 + i, id, p.X, p.Y)).ToList());

    public static Room Room(long id, string name, int strokeCount, params Stroke[] strokes) =>
        new(id, name, 1028, 768, CreatedAt, strokes, strokeCount, WatcherCount: 3);
}
