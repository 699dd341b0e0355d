namespace IsuBench.Reference.Domain;

/// <summary>A polyline drawn in a room, with its colour, width and points in id order.</summary>
public sealed record Stroke(
    long Id,
    long RoomId,
    int Width,
    int Red,
    int Green,
    int Blue,
    double Alpha,
    DateTime CreatedAt,
    IReadOnlyList<Point> Points);
