namespace IsuBench.Bench.Progress;

/// <summary>Progress for output that is not a terminal: one line per interval, and a last one when stopped.</summary>
internal static class PlainProgress
{
    /// <summary>Writes a line every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled; never throws for that.</summary>
    public static async Task RunAsync(ProgressSampler sampler, TextWriter writer, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await writer.WriteLineAsync(sampler.Sample().ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await writer.WriteLineAsync(sampler.Sample().ToString());
    }
}
