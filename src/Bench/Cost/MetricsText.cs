using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// Reads one sample out of the Prometheus text exposition format or OpenMetrics text: lines of
/// <c>name{labels} value [timestamp]</c>, comments and metadata starting with <c>#</c>.
/// </summary>
internal static class MetricsText
{
    /// <summary>
    /// The value of the first sample named <paramref name="name"/> (with or without labels), or null when there is none
    /// or its value is not a finite number.
    /// </summary>
    public static double? Sample(string text, string name)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimStart();
            if (line.Length == 0 || line[0] == '#') continue;
            int end = 0;
            while (end < line.Length && line[end] is not ('{' or ' ' or '\t')) end++;
            if (!line.AsSpan(0, end).SequenceEqual(name)) continue;
            int at = end < line.Length && line[end] == '{' ? AfterLabels(line, end) : end;
            if (at < 0) return null;
            var rest = line[at..].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            return rest.Length > 0 && double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                ? value
                : null;
        }
        return null;
    }

    // The index after the '}' that closes the label set opened at `open`; label values are quoted and may hold '}',
    // quotes and backslashes escaped. -1 when it never closes.
    private static int AfterLabels(string line, int open)
    {
        bool quoted = false;
        for (int i = open + 1; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == '}') return i + 1;
        }
        return -1;
    }
}
