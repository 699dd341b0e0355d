namespace IsuBench.Bench.Processes;

/// <summary>
/// Stops a segment that <c>run --processes N</c> started when its standard input ends. The first process holds the pipe's other
/// end; when it ends, even by SIGKILL, the kernel closes it and the segment stops as an interrupted run does, instead of sending
/// load for the rest of its duration with no one to merge it.
/// </summary>
internal static class ParentLifeline
{
    /// <summary>Cancels <paramref name="stop"/> once <paramref name="input"/> reaches its end (or breaks).</summary>
    public static void Watch(Stream input, CancellationTokenSource stop)
    {
        // A thread of its own: console reads block, and a blocked thread-pool thread would be a worker lost for the whole run.
        var thread = new Thread(() => WaitForEnd(input, stop)) { IsBackground = true, Name = "parent lifeline" };
        thread.Start();
    }

    private static void WaitForEnd(Stream input, CancellationTokenSource stop)
    {
        try
        {
            byte[] buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // Whatever the parent writes is ignored; only the end matters.
            }
        }
        catch (IOException)
        {
            // A broken stdin means the same as a closed one.
        }
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run had ended already.
        }
    }
}
