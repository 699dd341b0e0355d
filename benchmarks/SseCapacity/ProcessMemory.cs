namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>This process's resident set and managed heap.</summary>
public static class ProcessMemory
{
    /// <summary>Resident set size in bytes, from /proc/self/status.</summary>
    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }
        return 0;
    }

    /// <summary>Live managed heap after a full collection, in bytes.</summary>
    public static long ManagedBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Open file descriptors of this process.</summary>
    public static int OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;
}
