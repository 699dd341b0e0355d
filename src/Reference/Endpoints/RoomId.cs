using System.Globalization;

namespace IsuBench.Reference.Endpoints;

/// <summary>Room ids as they appear in paths: only a positive 64-bit decimal integer names a room.</summary>
public static class RoomId
{
    /// <summary>The id, or null for anything else (non-numeric, signed, zero, overflowing), which callers treat as an unknown room.</summary>
    public static long? Parse(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
