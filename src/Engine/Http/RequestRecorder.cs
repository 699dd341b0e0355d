using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;

namespace IsuBench.Engine.Http;

/// <summary>
/// The one place where a request of the bench leaves its trace, whatever carries it: a session's exchange (pages, API calls, and
/// the image heads of <see cref="HeadOnlyGet"/>) and the opening of an event stream alike. A request is begun here and ended once
/// by its <see cref="RequestTiming"/>: its latency and status go to the endpoint statistics (and so to <see cref="BenchInstruments"/>),
/// a failure of the server counts as the endpoint's error or timeout, and a failure of the bench's own capacity
/// (<see cref="BenchCapacity"/>, <see cref="SocketBudget"/>) is noted in the error ledger and not held against the server.
/// </summary>
internal sealed class RequestRecorder(IClock clock, EndpointStats endpoints, ErrorLedger errors)
{
    /// <summary>What the error ledger says ran out when a request failed for the bench's own capacity.</summary>
    public const string CapacityDetail = "out of sockets or open files";

    /// <summary>Starts timing a request of <paramref name="endpoint"/> (the label of the endpoint statistics) now.</summary>
    public RequestTiming Begin(string endpoint) => new(this, endpoint, clock.UtcNow, clock.Monotonic);

    // Called once per request, by its timing: the time since it began, then what it leaves in the statistics.
    internal (TimeSpan Latency, DateTimeOffset EndedAt) End(RequestTiming request, int status, FailureKind failure)
    {
        var latency = clock.Monotonic - request.Started;
        var endedAt = clock.UtcNow;
        endpoints.RecordRequest(request.Endpoint, status, latency);
        switch (failure)
        {
            case FailureKind.None:
                break;
            case FailureKind.Timeout:
                endpoints.RecordTimeout(request.Endpoint);
                break;
            case FailureKind.BenchCapacity:
                errors.AddCapacity(CapacityDetail);
                break;
            default:
                endpoints.RecordError(request.Endpoint);
                break;
        }
        return (latency, endedAt);
    }
}
