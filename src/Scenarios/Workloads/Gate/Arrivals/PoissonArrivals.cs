namespace IsuBench.Scenarios.Workloads.Gate.Arrivals;

/// <summary>
/// Arrivals of a Poisson process with a mean gap of <paramref name="MeanInterval"/>: independent, exponentially
/// distributed gaps drawn from a source seeded with <paramref name="Seed"/>, so every run gets the same times.
/// </summary>
/// <remarks>
/// Why not a fixed interval: schedules of commensurate intervals (200, 250, 500 ms) started together meet in the same
/// pattern all run long, so a request meets the same neighbours every time, and which ones depends on how a run's
/// schedules happened to line up at its start. Independent random gaps make each request meet a fair sample of the
/// rest of the load instead, run after run.
/// </remarks>
internal sealed record PoissonArrivals(TimeSpan MeanInterval, int Seed) : IArrivalTimes
{
    /// <inheritdoc />
    public IEnumerable<TimeSpan> Offsets()
    {
        if (MeanInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MeanInterval), MeanInterval, "must be positive");
        var random = new Random(Seed);
        var offset = TimeSpan.Zero;
        while (true)
        {
            // Inverse transform of the exponential distribution; 1 - U lies in (0, 1], so the logarithm is finite.
            offset += MeanInterval * -Math.Log(1 - random.NextDouble());
            yield return offset;
        }
    }
}
