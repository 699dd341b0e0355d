namespace IsuBench.Reference.Domain;

/// <summary>What became of a request to add a stroke.</summary>
public enum StrokeWriteStatus
{
    /// <summary>Stored; the stroke is in <see cref="StrokeWriteOutcome.Stroke"/>.</summary>
    Created,
    /// <summary>The room does not exist.</summary>
    RoomNotFound,
    /// <summary>The room has no stroke yet and the token is not its owner's.</summary>
    NotOwner,
}

/// <summary>The result of adding a stroke: a status and, when created, the stroke as stored.</summary>
public sealed record StrokeWriteOutcome(StrokeWriteStatus Status, Stroke? Stroke)
{
    /// <summary>The room is unknown.</summary>
    public static readonly StrokeWriteOutcome RoomNotFound = new(StrokeWriteStatus.RoomNotFound, null);
    /// <summary>The first stroke was attempted by someone other than the owner.</summary>
    public static readonly StrokeWriteOutcome NotOwner = new(StrokeWriteStatus.NotOwner, null);
}
