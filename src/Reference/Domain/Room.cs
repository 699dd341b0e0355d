namespace IsuBench.Reference.Domain;

/// <summary>A drawing board; <see cref="Strokes"/> is empty where a listing leaves them out.</summary>
public sealed record Room(
    long Id,
    string Name,
    int CanvasWidth,
    int CanvasHeight,
    DateTime CreatedAt,
    IReadOnlyList<Stroke> Strokes,
    int StrokeCount,
    int WatcherCount);
