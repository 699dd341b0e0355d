using System.Globalization;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>The ±500 ms tolerance around a request's send and receive times that a server timestamp must fall in.</summary>
internal static class TimeWindow
{
    /// <summary>How far outside [sent, received] a <c>created_at</c> may lie (clock skew and rounding).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(500);

    /// <summary>Applies <paramref name="rule"/>: <paramref name="createdAt"/> within [sent - 500 ms, received + 500 ms].</summary>
    public static Verdict Check(Rule rule, DateTimeOffset createdAt, DateTimeOffset sent, DateTimeOffset received, string request)
    {
        var holds = createdAt >= sent - Tolerance && createdAt <= received + Tolerance;
        return rule.Check(holds, request, $"{Format(sent)} < created_at < {Format(received)} (±500 ms)", Format(createdAt));
    }

    /// <summary>RFC 3339 in UTC with microseconds, for evidence.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
