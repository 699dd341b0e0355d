namespace IsuBench.Checks.Documents.Api;

/// <summary>A room as the API returns it; <see cref="Strokes"/> is empty in listings.</summary>
public sealed record ApiRoom(
    long Id,
    string Name,
    int CanvasWidth,
    int CanvasHeight,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ApiStroke> Strokes,
    int StrokeCount,
    int WatcherCount);
