using System.Globalization;

namespace IsuBench.Reference.Endpoints;

/// <summary>Reads the <c>{id}</c> of a room route: only a positive 64-bit decimal integer names a room.</summary>
internal static class RouteRoomId
{
    /// <summary>True with the id when <paramref name="text"/> is a positive 64-bit integer without sign or spaces.</summary>
    public static bool TryParse(string? text, out long roomId) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out roomId) && roomId > 0;
}
