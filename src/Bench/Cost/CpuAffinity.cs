using System.Globalization;
using System.Runtime.InteropServices;

namespace IsuBench.Bench.Cost;

/// <summary>
/// Which CPUs a process may run on: read from <c>/proc/PID/status</c>, and set for the bench itself (<c>run --cpus</c>)
/// with <c>sched_setaffinity</c> on each of its threads. On Linux that call moves one thread, and
/// <see cref="System.Diagnostics.Process.ProcessorAffinity"/> moves only the main one; threads started later inherit the
/// set of the thread that starts them, so once every thread is moved the whole process stays there.
/// </summary>
internal static class CpuAffinity
{
    private const int NoSuchProcess = 3; // ESRCH: the thread ended meanwhile

    /// <summary>The <c>Cpus_allowed_list</c> of the process whose <c>/proc</c> directory is <paramref name="processDirectory"/>, or null where unreadable.</summary>
    public static string? AllowedList(string processDirectory)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(processDirectory, "status")))
                if (line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
                    return line["Cpus_allowed_list:".Length..].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Moves every thread of this process to <paramref name="cpus"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="ArgumentException">The kernel refuses the set (no CPU of it is online, or allowed to this process).</exception>
    public static void PinProcess(IReadOnlyList<int> cpus)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("--cpus needs Linux (sched_setaffinity)");
        var mask = new ulong[cpus.Max() / 64 + 1];
        foreach (int cpu in cpus) mask[cpu / 64] |= 1UL << (cpu % 64);
        // Twice over: a thread started while the first pass went on may have inherited the old set.
        for (int pass = 0; pass < 2; pass++)
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                int tid = int.Parse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture);
                if (Native.sched_setaffinity(tid, (nuint)(mask.Length * sizeof(ulong)), mask) == 0) continue;
                int errno = Marshal.GetLastPInvokeError();
                if (errno == NoSuchProcess) continue;
                throw new ArgumentException($"the kernel refuses CPUs {CpuList.Format(cpus)} ({Marshal.GetPInvokeErrorMessage(errno)}); this machine's are {Online() ?? "unknown"}");
            }
    }

    /// <summary>The CPUs online on this machine (<c>/sys/devices/system/cpu/online</c>), or null where unreadable.</summary>
    public static string? Online()
    {
        try
        {
            return File.ReadAllText("/sys/devices/system/cpu/online").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)] public static extern int sched_setaffinity(int pid, nuint cpusetsize, ulong[] mask);
    }
}
