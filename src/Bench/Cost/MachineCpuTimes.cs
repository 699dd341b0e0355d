using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// The time each CPU of the machine has spent busy, stolen by the hypervisor, and in all, from the <c>cpuN</c> lines of
/// <c>/proc/stat</c> (user nice system idle iowait irq softirq steal ..., in clock ticks; guest time is already in user).
/// Two readings tell how busy the machine was between them, the bench and the server included.
/// </summary>
internal sealed record MachineCpuTimes(IReadOnlyDictionary<int, MachineCpuTimes.Ticks> Cpus)
{
    /// <summary>Where the kernel shows them.</summary>
    public const string DefaultPath = "/proc/stat";

    /// <summary>One CPU's ticks: busy (user, nice, system, irq, softirq), stolen, and all of them with idle and iowait.</summary>
    public readonly record struct Ticks(long Busy, long Steal, long Total);

    /// <summary>The machine's times now, or null where <paramref name="path"/> cannot be read (not Linux).</summary>
    public static MachineCpuTimes? Read(string path = DefaultPath)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads the text of <c>/proc/stat</c>.</summary>
    /// <exception cref="FormatException">A <c>cpuN</c> line has too few fields or a field that is no count.</exception>
    public static MachineCpuTimes Parse(string text)
    {
        var cpus = new SortedDictionary<int, Ticks>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].Length <= 3 || !fields[0].StartsWith("cpu", StringComparison.Ordinal)) continue;
            if (!int.TryParse(fields[0].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int cpu)) continue;
            if (fields.Length < 9) throw new FormatException($"{fields[0]} has {fields.Length - 1} fields, expected at least 8");
            var t = fields.Skip(1).Take(8).Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
            long busy = t[0] + t[1] + t[2] + t[5] + t[6];
            cpus[cpu] = new Ticks(busy, t[7], busy + t[3] + t[4] + t[7]);
        }
        return new MachineCpuTimes(cpus);
    }

    /// <summary>How busy each CPU was from <paramref name="earlier"/> to this reading; CPUs in only one reading are left out.</summary>
    public MachineLoad Since(MachineCpuTimes earlier)
    {
        var cpus = new List<CpuLoad>();
        long busy = 0, steal = 0, total = 0;
        foreach (var (cpu, now) in Cpus)
        {
            if (!earlier.Cpus.TryGetValue(cpu, out var then)) continue;
            long b = now.Busy - then.Busy, s = now.Steal - then.Steal, t = now.Total - then.Total;
            cpus.Add(new CpuLoad(cpu, Share(b, t), Share(s, t)));
            busy += b;
            steal += s;
            total += t;
        }
        return new MachineLoad(cpus, Share(busy, total), Share(steal, total));
    }

    private static double Share(long part, long whole) => whole > 0 ? Math.Round((double)part / whole, 4) : 0;
}
