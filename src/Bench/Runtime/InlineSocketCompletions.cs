using System.Diagnostics;

namespace IsuBench.Bench.Runtime;

/// <summary>Runs the bench's socket continuations on the runtime's event thread instead of queueing them to the thread pool.</summary>
/// <remarks>
/// Against a fast server through TLS the bench is CPU-bound on two cores, and every socket completion
/// queued to the pool costs a thread hop. Run inline, seven runs against `tuned` scored a median 12 %
/// higher than seven without (results/efficiency.md). The runtime reads the variable once, when its
/// socket engine starts, so it is set before the first socket; a value the user set is kept.
/// </remarks>
public static class InlineSocketCompletions
{
    /// <summary>The environment variable that .NET's Unix socket engine reads.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static bool s_setHere;

    /// <summary>Turns inline completions on for this process unless the environment already names a value; says whether it did.</summary>
    public static bool EnableUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return s_setHere;
        Environment.SetEnvironmentVariable(Variable, "1");
        return s_setHere = true;
    }

    /// <summary>Keeps the bench's own setting out of a child process (the reference server runs as it would alone).</summary>
    public static void KeepFromChild(ProcessStartInfo start)
    {
        if (s_setHere) start.Environment.Remove(Variable);
    }
}
