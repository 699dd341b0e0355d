namespace IsuBench.Checks.Documents;

/// <summary>One <c>.room</c> element of the top page: its <c>id</c> attribute and its <c>.stroke_count</c> text (null when absent).</summary>
public sealed record TopPageRoom(string? Id, string? StrokeCountText);
