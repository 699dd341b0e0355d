using System.Runtime.InteropServices;

namespace IsuBench.Bench.Cost;

/// <summary>The unit of the CPU times in <c>/proc/PID/stat</c>: <c>sysconf(_SC_CLK_TCK)</c>, 100 a second on every common Linux.</summary>
internal static class ClockTicks
{
    private const int ScClkTck = 2; // _SC_CLK_TCK on Linux

    /// <summary>Clock ticks per second.</summary>
    public static long PerSecond { get; } = Read();

    private static long Read()
    {
        if (!OperatingSystem.IsLinux()) return 100;
        try
        {
            long ticks = Native.sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (DllNotFoundException)
        {
            return 100;
        }
        catch (EntryPointNotFoundException)
        {
            return 100;
        }
    }

    private static class Native
    {
        [DllImport("libc")] public static extern long sysconf(int name);
    }
}
