namespace IsuBench.Reference.DataSet;

/// <summary>A row of <c>rooms</c> in the initial data set.</summary>
public readonly record struct RoomRow(long Id, string Name, int CanvasWidth, int CanvasHeight, DateTime CreatedAt);

/// <summary>A row of <c>strokes</c> in the initial data set.</summary>
public readonly record struct StrokeRow(long Id, long RoomId, int Width, int Red, int Green, int Blue, decimal Alpha, DateTime CreatedAt);

/// <summary>A row of <c>points</c> in the initial data set.</summary>
public readonly record struct PointRow(long Id, long StrokeId, decimal X, decimal Y);

/// <summary>A row of <c>tokens</c> in the initial data set.</summary>
public readonly record struct TokenRow(long Id, string CsrfToken, DateTime CreatedAt);

/// <summary>A row of <c>room_watchers</c> in the initial data set.</summary>
public readonly record struct RoomWatcherRow(long RoomId, long TokenId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A row of <c>room_owners</c> in the initial data set.</summary>
public readonly record struct RoomOwnerRow(long RoomId, long TokenId);
