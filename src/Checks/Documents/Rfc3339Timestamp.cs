using System.Globalization;
using System.Text.RegularExpressions;

namespace IsuBench.Checks.Documents;

/// <summary>Strict RFC 3339 date-time parsing (fractions up to nanoseconds, kept to the tick), so a timestamp's sub-second part can be checked.</summary>
internal static partial class Rfc3339Timestamp
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <paramref name="text"/>; false when it is not an RFC 3339 date-time with a valid date, time and offset.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59)
            return false;
        if (year < 1) return false;
        var ticks = 0L;
        if (match.Groups[7].Success)
        {
            // 100 ns ticks: keep the first 7 fraction digits, which hold microseconds exactly.
            var digits = match.Groups[7].Value.PadRight(7, '0')[..7];
            ticks = long.Parse(digits, CultureInfo.InvariantCulture);
        }
        var offset = TimeSpan.Zero;
        if (!match.Groups[8].Success)
        {
            var (offsetHours, offsetMinutes) = (Part(10), Part(11));
            if (offsetHours > 23 || offsetMinutes > 59) return false;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups[9].Value == "-") offset = -offset;
        }
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
