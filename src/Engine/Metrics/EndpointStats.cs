using System.Collections.Concurrent;

namespace IsuBench.Engine.Metrics;

/// <summary>Per-endpoint request statistics (latency histogram, requests, errors, timeouts); thread-safe.</summary>
public sealed class EndpointStats
{
    private readonly ConcurrentDictionary<string, EndpointCounters> _endpoints = new(StringComparer.Ordinal);
    private long _totalRequests;

    /// <summary>Requests recorded over all endpoints.</summary>
    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>Records one finished request (successful or not), its status (0 when no response head arrived) and its latency.</summary>
    public void RecordRequest(string endpoint, int status, TimeSpan latency)
    {
        BenchInstruments.Request(endpoint, status, latency);
        var counters = For(endpoint);
        counters.Latency.Record(latency);
        Interlocked.Increment(ref counters.Requests);
        Interlocked.Increment(ref _totalRequests);
    }

    /// <summary>Counts one failed request (bad status, failed check, transport error).</summary>
    public void RecordError(string endpoint)
    {
        BenchInstruments.RequestError(endpoint, timedOut: false);
        Interlocked.Increment(ref For(endpoint).Errors);
    }

    /// <summary>Counts one request that ran out of time (also an error).</summary>
    public void RecordTimeout(string endpoint)
    {
        BenchInstruments.RequestError(endpoint, timedOut: true);
        var counters = For(endpoint);
        Interlocked.Increment(ref counters.Timeouts);
        Interlocked.Increment(ref counters.Errors);
    }

    /// <summary>A copy of every endpoint's numbers, sorted by endpoint name.</summary>
    public IReadOnlyList<EndpointSnapshot> Snapshot() =>
        _endpoints
            .Select(pair => new EndpointSnapshot(
                pair.Key,
                Interlocked.Read(ref pair.Value.Requests),
                Interlocked.Read(ref pair.Value.Errors),
                Interlocked.Read(ref pair.Value.Timeouts),
                pair.Value.Latency.Snapshot()))
            .OrderBy(snapshot => snapshot.Endpoint, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every endpoint's latency histogram in its encoded form (<see cref="LatencyHistogram.Encode"/>), by endpoint.</summary>
    public IReadOnlyDictionary<string, string> EncodedHistograms() =>
        _endpoints.ToDictionary(pair => pair.Key, pair => pair.Value.Latency.Encode(), StringComparer.Ordinal);

    private EndpointCounters For(string endpoint) => _endpoints.GetOrAdd(endpoint, static _ => new EndpointCounters());

    private sealed class EndpointCounters
    {
        public readonly LatencyHistogram Latency = new();
        public long Requests;
        public long Errors;
        public long Timeouts;
    }
}
