using System.Globalization;
using System.Text;

namespace IsuBench.Bench.Cost;

/// <summary>A list of CPUs as the kernel and taskset write it: numbers and ranges separated by commas, <c>0-1,3</c>.</summary>
internal static class CpuList
{
    /// <summary>The largest CPU number accepted (the kernel's own limit is 8,192).</summary>
    public const int MaxCpu = 8191;

    /// <summary>The CPUs of <paramref name="text"/>, sorted.</summary>
    /// <exception cref="FormatException">It is not such a list.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-');
            if (ends.Length is < 1 or > 2 || !ends.All(IsCpu))
                throw new FormatException($"'{part}' is not a CPU number (0 to {MaxCpu}) or a range such as 0-3");
            int first = Cpu(ends[0]), last = Cpu(ends[^1]);
            if (last < first) throw new FormatException($"'{part}' runs backwards");
            for (int cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        return cpus.ToList();
    }

    /// <summary><paramref name="cpus"/> written as the kernel writes a list, runs as ranges: <c>0-2,5</c>.</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (text.Length > 0) text.Append(',');
            text.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i) text.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return text.ToString();
    }

    private static bool IsCpu(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int cpu) && cpu <= MaxCpu;

    private static int Cpu(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
