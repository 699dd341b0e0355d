using System.Collections.Concurrent;
using System.Globalization;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;

namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// What the gate workload measures after its warm-up: per endpoint, the latency of each scheduled request (HdrHistogram),
/// and per step of watchers, the share of live deliveries within the delivery window, counted by when their POST was
/// due. Requests and posts of the warm-up are not counted.
/// </summary>
/// <remarks>
/// Coordinated omission: a request that started more than <see cref="OnTimeTolerance"/> after it was due is timed from
/// when it was due, so a bench that fell behind (a pause, a starved thread pool) counts its delay against the request
/// instead of hiding it. Within the tolerance it is timed from its real start: the timer's own jitter (about a
/// millisecond) is no property of the server and would blur the fast endpoints' figures.
/// </remarks>
internal sealed class GateRecorder(GatePlan plan, TimeSpan duration, TimeSpan deliveryWindow, IClock clock, TimeSpan phaseStart, DateTimeOffset phaseStartUtc)
{
    /// <summary>How late a scheduled request may start and still be timed from its real start.</summary>
    public static readonly TimeSpan OnTimeTolerance = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<string, LatencyHistogram> _latency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);
    private readonly long[] _delivered = new long[plan.WatchersPerRoom.Count];
    private readonly long[] _onTime = new long[plan.WatchersPerRoom.Count];

    /// <summary>The instant a request due at <paramref name="due"/> and starting now is timed from (see the remarks).</summary>
    public TimeSpan Begin(TimeSpan due)
    {
        var now = clock.Monotonic;
        return now - due > OnTimeTolerance ? due : now;
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> (a monotonic instant of this phase), as posts are stamped for delivery.</summary>
    public DateTimeOffset UtcOf(TimeSpan instant) => phaseStartUtc + (instant - phaseStart);

    /// <summary>
    /// A scheduled request of <paramref name="endpoint"/>, due at <paramref name="due"/> and timed from <paramref name="start"/>
    /// (<see cref="Begin"/>), has finished; <paramref name="ok"/>: it passed its rules.
    /// </summary>
    public void Request(string endpoint, TimeSpan due, TimeSpan start, bool ok)
    {
        if (plan.StepAt(due - phaseStart, duration) < 0) return;
        _latency.GetOrAdd(endpoint, static _ => new LatencyHistogram()).Record(clock.Monotonic - start);
        if (!ok) _failed.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);
    }

    /// <summary>A stroke reached a watcher; only live deliveries of posts due after the warm-up count.</summary>
    public void Delivery(DeliveryOutcome outcome)
    {
        if (!outcome.IsLive) return;
        int step = plan.StepAt(outcome.PostSentAt - phaseStartUtc, duration);
        if (step < 0) return;
        Interlocked.Increment(ref _delivered[step]);
        if (outcome.Latency <= deliveryWindow) Interlocked.Increment(ref _onTime[step]);
    }

    /// <summary>
    /// The figures: each endpoint's p50 and p99 in ms (lower is better), and each step's share of deliveries within the
    /// window (higher is better), named after its watchers; a step with no delivery has no share. Gated are the shares and
    /// the p50s of <see cref="GatePlan.GatedEndpoints"/>; the rest is reported beside them.
    /// </summary>
    public IReadOnlyDictionary<string, GateFigure> Figures()
    {
        var figures = new SortedDictionary<string, GateFigure>(StringComparer.Ordinal);
        foreach (var (endpoint, histogram) in _latency)
        {
            var snapshot = histogram.Snapshot();
            figures[$"{endpoint} p50 ms"] = new GateFigure(snapshot.P50Ms, HigherIsBetter: false, Gated: plan.GatedEndpoints.Contains(endpoint));
            figures[$"{endpoint} p99 ms"] = new GateFigure(snapshot.P99Ms, HigherIsBetter: false, Gated: false);
        }
        for (int step = 0; step < _delivered.Length; step++)
        {
            long delivered = Interlocked.Read(ref _delivered[step]);
            if (delivered == 0) continue;
            string watchers = (plan.WatchersPerRoom[step] * plan.Rooms).ToString(CultureInfo.InvariantCulture);
            figures[$"delivered within {deliveryWindow.TotalSeconds:0.#} s, {watchers} watchers"] =
                new GateFigure(Math.Round((double)Interlocked.Read(ref _onTime[step]) / delivered, 4), HigherIsBetter: true);
        }
        return figures;
    }

    /// <summary>Failed measured requests per endpoint.</summary>
    public IReadOnlyDictionary<string, long> Failures() => new Dictionary<string, long>(_failed, StringComparer.Ordinal);
}
