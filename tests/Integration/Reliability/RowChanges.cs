using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Reliability;

/// <summary>Row counts used as changes: what a valid request adds, summed over many.</summary>
public static class RowChanges
{
    /// <summary>No change.</summary>
    public static readonly TableCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two counts (or changes).</summary>
    public static TableCounts Plus(this TableCounts a, TableCounts b) => new(a.Rooms + b.Rooms, a.Strokes + b.Strokes,
        a.Points + b.Points, a.Tokens + b.Tokens, a.RoomWatchers + b.RoomWatchers, a.RoomOwners + b.RoomOwners);
}
