namespace IsuBench.Bench.Progress;

/// <summary>Progress for output that is not a terminal: one line per interval, and a last one when stopped.</summary>
internal static class PlainProgress
{
    /// <summary>
    /// Writes a line of what <paramref name="sample"/> returns every <paramref name="interval"/> until
    /// <paramref name="cancellationToken"/> is cancelled; never throws for that.
    /// </summary>
    public static async Task RunAsync(
        Func<ProgressSnapshot> sample, TextWriter writer, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await writer.WriteLineAsync(sample().ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await writer.WriteLineAsync(sample().ToString());
    }
}
