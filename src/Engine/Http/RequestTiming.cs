namespace IsuBench.Engine.Http;

/// <summary>
/// One request being timed, from <see cref="RequestRecorder.Begin"/> to exactly one of its endings, which records it: answered,
/// failed (with the status that came, or with the exception that came instead of an answer), or timed out.
/// </summary>
internal sealed class RequestTiming
{
    private readonly RequestRecorder _recorder;
    private int _ended;

    internal RequestTiming(RequestRecorder recorder, string endpoint, DateTimeOffset sentAt, TimeSpan started)
    {
        _recorder = recorder;
        Endpoint = endpoint;
        SentAt = sentAt;
        Started = started;
    }

    /// <summary>The endpoint label the request is counted under.</summary>
    public string Endpoint { get; }

    /// <summary>Wall time when the request began.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Monotonic time when the request began.</summary>
    public TimeSpan Started { get; }

    /// <summary>Time from the beginning to the ending; set when the request ends.</summary>
    public TimeSpan Latency { get; private set; }

    /// <summary>Wall time when the request ended; set when it ends.</summary>
    public DateTimeOffset EndedAt { get; private set; }

    /// <summary>An answer with <paramref name="status"/> came back whole; what it is worth is the caller's judge's to say.</summary>
    public void Answered(int status) => End(status, FailureKind.None);

    /// <summary>
    /// An answer with <paramref name="status"/> came, but the carrier itself fails it (a redirect, a body over the limit, a stream
    /// whose status or Content-Type fails the connection): an error of the endpoint.
    /// </summary>
    public void Failed(int status) => End(status, FailureKind.Transport);

    /// <summary>
    /// <paramref name="exception"/> came instead of a whole answer (<paramref name="status"/> is what had arrived by then, 0 for
    /// nothing). Returns <see cref="FailureKind.BenchCapacity"/> when the bench ran out of sockets or files, which is noted but
    /// not counted against the endpoint, else <see cref="FailureKind.Transport"/>, an error of the endpoint.
    /// </summary>
    public FailureKind Failed(int status, Exception exception)
    {
        var kind = BenchCapacity.IsExhausted(exception) ? FailureKind.BenchCapacity : FailureKind.Transport;
        End(status, kind);
        return kind;
    }

    /// <summary>The request ran past its time (<paramref name="status"/> is what had arrived by then): an error and a timeout of the endpoint.</summary>
    public void TimedOut(int status) => End(status, FailureKind.Timeout);

    private void End(int status, FailureKind failure)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            throw new InvalidOperationException($"{Endpoint}: this request was already recorded");
        }
        (Latency, EndedAt) = _recorder.End(this, status, failure);
    }
}
