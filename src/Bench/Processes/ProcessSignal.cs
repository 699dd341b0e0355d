using System.Runtime.InteropServices;

namespace IsuBench.Bench.Processes;

/// <summary>
/// Sends a POSIX signal to a process: .NET itself sends only SIGKILL (<c>Process.Kill</c>), and a segment should stop as on Ctrl+C.
/// </summary>
internal static class ProcessSignal
{
    /// <summary>SIGINT, as Ctrl+C sends.</summary>
    public const int Interrupt = 2;

    /// <summary>SIGTERM, the polite request to stop.</summary>
    public const int Terminate = 15;

    /// <summary>
    /// Sends <paramref name="signal"/> to <paramref name="pid"/>; false when it could not be sent (the process has gone, or this is
    /// not Unix).
    /// </summary>
    public static bool Send(int pid, int signal)
    {
        if (OperatingSystem.IsWindows()) return false;
        return Native.kill(pid, signal) == 0;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)] public static extern int kill(int pid, int sig);
    }
}
