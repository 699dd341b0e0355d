namespace IsuBench.Bench.Cost;

/// <summary>
/// The fields of a <c>/proc/PID/stat</c> line the bench reads: the command name, the state, the user and system CPU
/// time in clock ticks (fields 14 and 15) and the start time (field 22), which tells a reused pid from the process it named.
/// </summary>
internal sealed record ProcessStat(string Command, char State, long UserTicks, long SystemTicks, long StartTicks)
{
    /// <summary>User and system time together.</summary>
    public long CpuTicks => UserTicks + SystemTicks;

    /// <summary>
    /// Reads a stat line. The command name is in parentheses and may hold spaces and parentheses itself, so the fields
    /// are counted from the last ')'.
    /// </summary>
    /// <exception cref="FormatException">The text is not a stat line.</exception>
    public static ProcessStat Parse(string text)
    {
        int open = text.IndexOf('(');
        int close = text.LastIndexOf(')');
        if (open < 0 || close < open) throw new FormatException("no command name in parentheses");
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the name: state (field 3) is fields[0], so field n is fields[n - 3].
        if (fields.Length < 20 || fields[0].Length != 1) throw new FormatException($"{fields.Length + 2} fields, expected at least 22");
        return new ProcessStat(text[(open + 1)..close], fields[0][0], Number(fields[11]), Number(fields[12]), Number(fields[19]));
    }

    private static long Number(string field) =>
        long.TryParse(field, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new FormatException($"'{field}' is not a count of clock ticks");
}
