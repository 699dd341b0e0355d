using System.Globalization;
using System.Runtime.InteropServices;

namespace IsuBench.Engine.Http;

/// <summary>
/// The process's limit of open files (RLIMIT_NOFILE). Every watcher of a run holds a socket, and the Matsuri workload lets in
/// up to 10 × 10,240 of them against a fast server, so the bench raises its own limit as far as the system allows: the hard
/// limit up to the kernel's <c>fs.nr_open</c> where the process may (a privileged one, as in CI containers), else the soft
/// limit up to the hard one (which .NET does on start anyway).
/// </summary>
public static class OpenFilesLimit
{
    private const int ResourceNoFile = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the limit as far as allowed and returns the soft limit in force afterwards; elsewhere than Linux, the limit as read.</summary>
    public static long Raise()
    {
        if (!OperatingSystem.IsLinux()) return Current();
        if (Native.getrlimit(ResourceNoFile, out var limit) != 0) return Current();
        ulong ceiling = Math.Max(limit.Max, KernelCeiling());
        if (ceiling > limit.Max && Native.setrlimit(ResourceNoFile, new Native.RLimit { Current = ceiling, Max = ceiling }) == 0) return (long)Math.Min(ceiling, long.MaxValue);
        if (limit.Current < limit.Max) Native.setrlimit(ResourceNoFile, new Native.RLimit { Current = limit.Max, Max = limit.Max });
        return Current();
    }

    /// <summary>The soft limit now, from <c>/proc/self/limits</c> ("Max open files  &lt;soft&gt;  &lt;hard&gt;  files"); no bound where it cannot be read.</summary>
    public static long Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : int.MaxValue;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return int.MaxValue;
    }

    // The most any process may have ("nr_open"); 0 where it cannot be read.
    private static ulong KernelCeiling()
    {
        try
        {
            return ulong.TryParse(File.ReadAllText("/proc/sys/fs/nr_open").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong most) ? most : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static class Native
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct RLimit
        {
            public ulong Current;
            public ulong Max;
        }

        [DllImport("libc", SetLastError = true)] public static extern int getrlimit(int resource, out RLimit limit);
        [DllImport("libc", SetLastError = true)] public static extern int setrlimit(int resource, in RLimit limit);
    }
}
