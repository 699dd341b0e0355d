using System.Buffers;
using System.Text;

namespace IsuBench.Reference.Domain;

/// <summary>The bounds every input must keep (docs/contract.md §1.3); the original had none and failed with 500s.</summary>
internal static class InputLimits
{
    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;
    /// <summary>
    /// Largest body the server reads at all (Kestrel's limit). Between this and <see cref="MaxRequestBodyBytes"/> the rest
    /// of a refused body is read and discarded, so that a client still sending can read the 413 instead of a broken pipe.
    /// </summary>
    public const long MaxDiscardedRequestBodyBytes = 64 * 1024 * 1024;
    /// <summary>Longest room name, in Unicode code points (VARCHAR(255) on utf8mb4).</summary>
    public const int MaxRoomNameLength = 255;
    /// <summary>Largest canvas width or height.</summary>
    public const int MaxCanvasSize = 10_000;
    /// <summary>Widest stroke (TINYINT UNSIGNED).</summary>
    public const int MaxStrokeWidth = 255;
    /// <summary>Largest colour channel value.</summary>
    public const int MaxColour = 255;
    /// <summary>Most points in one stroke.</summary>
    public const int MaxPoints = 10_000;
    /// <summary>Coordinates must stay strictly below this in absolute value (DECIMAL(10,4)).</summary>
    public const decimal CoordinateBound = 1_000_000m;
    /// <summary>Deepest JSON nesting a request may use.</summary>
    public const int MaxJsonDepth = 8;

    /// <summary>Null when <paramref name="name"/> is a valid room name, else why not.</summary>
    public static string? CheckRoomName(string name)
    {
        var length = 0;
        var rest = name.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
                return "name is not valid Unicode";
            if (Rune.IsControl(rune)) return "name must not contain control characters";
            length++;
            rest = rest[consumed..];
        }
        return length switch
        {
            0 => "name must not be empty",
            > MaxRoomNameLength => $"name must be at most {MaxRoomNameLength} characters",
            _ => null,
        };
    }

    /// <summary>The coordinate as stored (4 decimals), or null when it is out of range.</summary>
    public static decimal? ToStoredCoordinate(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= (double)CoordinateBound) return null;
        var stored = Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);
        return Math.Abs(stored) < CoordinateBound ? stored : null;
    }
}
