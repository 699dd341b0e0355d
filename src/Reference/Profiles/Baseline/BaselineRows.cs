using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles.Baseline;

// Rows as MySqlConnector returns them (exact column types), turned into domain records here.

/// <summary>A row of <c>rooms</c>.</summary>
public sealed class RoomRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public uint CanvasWidth { get; init; }
    public uint CanvasHeight { get; init; }
    public DateTime CreatedAt { get; init; }

    public Room ToRoom(IReadOnlyList<Stroke> strokes, int strokeCount, int watcherCount) =>
        new(Id, Name, (int)CanvasWidth, (int)CanvasHeight, DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc),
            strokes, strokeCount, watcherCount);
}

/// <summary>A row of <c>strokes</c>.</summary>
public sealed class StrokeRow
{
    public long Id { get; init; }
    public long RoomId { get; init; }
    public byte Width { get; init; }
    public byte Red { get; init; }
    public byte Green { get; init; }
    public byte Blue { get; init; }
    public decimal Alpha { get; init; }
    public DateTime CreatedAt { get; init; }

    public Stroke ToStroke(IReadOnlyList<Point> points) =>
        new(Id, RoomId, Width, Red, Green, Blue, (double)Alpha, DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), points);
}

/// <summary>A row of <c>points</c>.</summary>
public sealed class PointRow
{
    public long Id { get; init; }
    public long StrokeId { get; init; }
    public decimal X { get; init; }
    public decimal Y { get; init; }

    public Point ToPoint() => new(Id, StrokeId, (double)X, (double)Y);
}
