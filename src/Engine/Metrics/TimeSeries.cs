namespace IsuBench.Engine.Metrics;

/// <summary>Samples the run's metrics, normally every second, for the reports' charts.</summary>
public sealed class TimeSeries
{
    private readonly RunMetrics _metrics;
    private readonly List<TimeSeriesPoint> _points = [];
    private readonly Lock _lock = new();
    private readonly TimeSpan _origin;
    private TimeSpan _lastAt;
    private long _lastRequests;

    /// <summary>Creates a series whose elapsed time starts now.</summary>
    public TimeSeries(RunMetrics metrics)
    {
        _metrics = metrics;
        _origin = metrics.Clock.Monotonic;
        _lastAt = _origin;
        _lastRequests = metrics.Endpoints.TotalRequests;
    }

    /// <summary>Takes one sample now.</summary>
    public TimeSeriesPoint Sample()
    {
        lock (_lock)
        {
            var now = _metrics.Clock.Monotonic;
            long requests = _metrics.Endpoints.TotalRequests;
            double seconds = (now - _lastAt).TotalSeconds;
            double rate = seconds > 0 ? (requests - _lastRequests) / seconds : 0;
            var point = new TimeSeriesPoint(
                now - _origin,
                _metrics.Score.Total,
                rate,
                _metrics.Watchers.Value,
                _metrics.Errors.ServerErrors);
            _points.Add(point);
            _lastAt = now;
            _lastRequests = requests;
            return point;
        }
    }

    /// <summary>Samples every <paramref name="interval"/> until cancelled, then once more.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        Sample();
    }

    /// <summary>A copy of the samples taken so far.</summary>
    public IReadOnlyList<TimeSeriesPoint> Points
    {
        get
        {
            lock (_lock)
            {
                return _points.ToList();
            }
        }
    }
}
