using System.Diagnostics.Metrics;
using System.Net.Sockets;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class RequestRecorderTests
{
    private const string Endpoint = "GET /recorded";

    private readonly FakeClock _clock = new();
    private readonly EndpointStats _endpoints = new();
    private readonly ErrorLedger _errors;
    private readonly RequestRecorder _recorder;

    public RequestRecorderTests()
    {
        _errors = new ErrorLedger(_clock);
        _recorder = new RequestRecorder(_clock, _endpoints, _errors);
    }

    [Fact]
    public void An_answer_is_one_request_with_its_latency_and_no_error()
    {
        var sentAt = _clock.UtcNow;
        var timing = _recorder.Begin(Endpoint);
        _clock.Advance(TimeSpan.FromMilliseconds(40));

        timing.Answered(200);

        Assert.Equal((sentAt, TimeSpan.FromMilliseconds(40), sentAt.AddMilliseconds(40)), (timing.SentAt, timing.Latency, timing.EndedAt));
        var stats = Single();
        Assert.Equal((1L, 0L, 0L), (stats.Requests, stats.Errors, stats.Timeouts));
        Assert.InRange(stats.Latency.MaxMs, 39.9, 40.1);
        Assert.Empty(_errors.Snapshot());
    }

    [Fact]
    public void An_answer_the_carrier_fails_is_one_request_and_one_error()
    {
        _recorder.Begin(Endpoint).Failed(302);

        var stats = Single();
        Assert.Equal((1L, 1L, 0L), (stats.Requests, stats.Errors, stats.Timeouts));
        Assert.Empty(_errors.Snapshot());
    }

    [Fact]
    public void A_timeout_is_one_request_one_error_and_one_timeout()
    {
        _recorder.Begin(Endpoint).TimedOut(0);

        var stats = Single();
        Assert.Equal((1L, 1L, 1L), (stats.Requests, stats.Errors, stats.Timeouts));
    }

    [Fact]
    public void A_transport_failure_is_an_error_of_the_endpoint_and_nothing_in_the_ledger()
    {
        var failure = _recorder.Begin(Endpoint).Failed(0, new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(FailureKind.Transport, failure);
        var stats = Single();
        Assert.Equal((1L, 1L, 0L), (stats.Requests, stats.Errors, stats.Timeouts));
        Assert.Empty(_errors.Snapshot());
    }

    [Fact]
    public void Running_out_of_sockets_is_noted_as_the_bench_s_capacity_and_not_counted_against_the_server()
    {
        // The budget's own refusal, as BudgetedSocket throws it and TcpConnector wraps it.
        var refused = Assert.Throws<SocketException>(() => BudgetedSocket.Open(AddressFamily.InterNetwork, new SocketBudget(0)));
        var failure = _recorder.Begin(Endpoint).Failed(0, new HttpRequestException(refused.Message, refused));

        Assert.Equal(FailureKind.BenchCapacity, failure);
        var stats = Single();
        Assert.Equal((1L, 0L, 0L), (stats.Requests, stats.Errors, stats.Timeouts));
        var noted = Assert.Single(_errors.Snapshot());
        Assert.Equal((ErrorKind.BenchCapacity, $"{ErrorLedger.CapacityMessage}: {RequestRecorder.CapacityDetail}", 1L), (noted.Kind, noted.Message, noted.Count));
        Assert.Equal(0, _errors.ServerErrors);
    }

    [Fact]
    public void A_request_is_recorded_once_a_second_ending_throws_and_counts_nothing()
    {
        var timing = _recorder.Begin(Endpoint);
        timing.Answered(200);

        Assert.Throws<InvalidOperationException>(() => timing.Failed(500));
        Assert.Throws<InvalidOperationException>(() => timing.TimedOut(0));
        Assert.Throws<InvalidOperationException>(() => timing.Failed(0, new IOException("Too many open files")));

        var stats = Single();
        Assert.Equal((1L, 0L, 0L), (stats.Requests, stats.Errors, stats.Timeouts));
        Assert.Empty(_errors.Snapshot());
    }

    [Fact]
    public void Each_ending_publishes_one_duration_and_failures_of_the_server_one_error_on_the_meter()
    {
        // Endpoint labels of this test alone: other tests may publish on the same meter meanwhile.
        string answered = $"GET /meter-answered-{Guid.NewGuid():N}", failed = $"GET /meter-failed-{Guid.NewGuid():N}", capacity = $"GET /meter-capacity-{Guid.NewGuid():N}";
        var durations = new List<(string Endpoint, string StatusClass)>();
        var errors = new List<(string Endpoint, string Type)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BenchInstruments.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "isubench.request.duration" && Tag(tags, BenchInstruments.EndpointAttribute) is { } endpoint && endpoint.StartsWith("GET /meter-", StringComparison.Ordinal))
                lock (durations) durations.Add((endpoint, Tag(tags, BenchInstruments.StatusClassAttribute)!));
        });
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "isubench.request.errors" && Tag(tags, BenchInstruments.EndpointAttribute) is { } endpoint && endpoint.StartsWith("GET /meter-", StringComparison.Ordinal))
                lock (errors) errors.Add((endpoint, Tag(tags, BenchInstruments.ErrorTypeAttribute)!));
        });
        listener.Start();

        _recorder.Begin(answered).Answered(200);
        _recorder.Begin(failed).TimedOut(0);
        _recorder.Begin(capacity).Failed(0, new IOException("Too many open files"));

        Assert.Equal([(answered, "2xx"), (failed, "none"), (capacity, "none")], durations.Where(d => d.Endpoint == answered || d.Endpoint == failed || d.Endpoint == capacity));
        Assert.Equal([(failed, "timeout")], errors.Where(e => e.Endpoint == answered || e.Endpoint == failed || e.Endpoint == capacity));
    }

    private EndpointSnapshot Single() => Assert.Single(_endpoints.Snapshot(), s => s.Endpoint == Endpoint);

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name) return tag.Value as string;
        }
        return null;
    }
}
