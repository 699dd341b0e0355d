namespace IsuBench.Checks.Documents.Api;

/// <summary>A stroke as the API and the SSE stream return it.</summary>
public sealed record ApiStroke(
    long Id,
    long RoomId,
    int Width,
    int Red,
    int Green,
    int Blue,
    double Alpha,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ApiPoint> Points);
