namespace IsuBench.Engine.Metrics;

/// <summary>
/// Samples the run's metrics, normally every second, for the reports' charts; each sample also takes the errors of
/// the interval by message (<see cref="ErrorsOverTime"/>).
/// </summary>
public sealed class TimeSeries
{
    private readonly RunMetrics _metrics;
    private readonly List<TimeSeriesPoint> _points = [];
    // Per sample: the new occurrences of each tracked message (by tracking order; a message tracked later has fewer) and of the rest.
    private readonly List<long[]> _newTracked = [];
    private readonly List<long> _newOther = [];
    private readonly Lock _lock = new();
    private readonly TimeSpan _origin;
    private TimeSpan _lastAt;
    private long _lastRequests;
    private TrackedErrorCounts _lastErrors;

    /// <summary>Creates a series whose elapsed time starts now.</summary>
    public TimeSeries(RunMetrics metrics)
    {
        _metrics = metrics;
        _origin = metrics.Clock.Monotonic;
        Origin = metrics.Clock.UtcNow;
        _lastAt = _origin;
        _lastRequests = metrics.Endpoints.TotalRequests;
        _lastErrors = metrics.Errors.Tracked();
    }

    /// <summary>The wall-clock time (UTC) of elapsed zero: a sample's wall-clock time is this plus its elapsed time.</summary>
    public DateTimeOffset Origin { get; }

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
            var errors = _metrics.Errors.Tracked();
            _newTracked.Add(errors.Messages.Select((m, i) => m.Count - (i < _lastErrors.Messages.Count ? _lastErrors.Messages[i].Count : 0)).ToArray());
            _newOther.Add(errors.Other - _lastErrors.Other);
            _lastErrors = errors;
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

    /// <summary>
    /// The errors of each sample's interval by message, aligned with <see cref="Points"/>: the tracked messages in the
    /// order they were first seen, and every other occurrence.
    /// </summary>
    public ErrorTimeline ErrorsOverTime
    {
        get
        {
            lock (_lock)
            {
                var messages = _lastErrors.Messages
                    .Select((m, i) => new ErrorTrack(m.Kind, m.Message, _newTracked.Select(sample => i < sample.Length ? sample[i] : 0).ToList()))
                    .ToList();
                return new ErrorTimeline(messages, _newOther.ToList(), _metrics.Errors.MaxTracked);
            }
        }
    }
}
