namespace IsuBench.Reference.Domain;

/// <summary>A validated request to create a room.</summary>
public sealed record NewRoom(string Name, int CanvasWidth, int CanvasHeight);
