using IsuBench.Reference.DataSet;

namespace IsuBench.Bench.Progress;

/// <summary>Writes the data set load's progress to a writer (stderr) once a second until stopped.</summary>
internal static class LoadProgressReporter
{
    /// <summary>Reports until <paramref name="cancellationToken"/> is cancelled; never throws for that.</summary>
    public static async Task RunAsync(DataSetLoader loader, TextWriter error, CancellationToken cancellationToken)
    {
        var total = loader.Expected.Total;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var rows = loader.RowsLoaded;
                await error.WriteLineAsync($"  loading: {rows:N0} / {total:N0} rows ({100.0 * rows / total:F0} %)");
            }
        }
        catch (OperationCanceledException) { }
    }
}
