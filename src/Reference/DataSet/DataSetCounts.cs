namespace IsuBench.Reference.DataSet;

/// <summary>How many rows each table of the initial data set holds.</summary>
public sealed record DataSetCounts(long Rooms, long Strokes, long Points, long Tokens, long RoomWatchers, long RoomOwners)
{
    /// <summary>All rows together.</summary>
    public long Total => Rooms + Strokes + Points + Tokens + RoomWatchers + RoomOwners;
}
