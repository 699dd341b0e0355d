namespace IsuBench.Bench.LocalStack;

/// <summary>Whether a process found by pid (not necessarily our child) still runs, read from /proc.</summary>
internal static class ProcessLiveness
{
    /// <summary>True when <paramref name="pid"/> names a running process; a zombie has ended and only waits to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2) is [_, var rest] && !rest.StartsWith('Z'); }
        catch (IOException) { return false; }
    }
}
