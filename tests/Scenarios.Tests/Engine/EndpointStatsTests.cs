using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class EndpointStatsTests
{
    [Fact]
    public void Percentiles_counts_errors_and_timeouts_are_kept_per_endpoint()
    {
        var stats = new EndpointStats();
        for (int ms = 1; ms <= 1000; ms++)
        {
            stats.RecordRequest("GET /api/rooms", 200, TimeSpan.FromMilliseconds(ms));
        }
        stats.RecordRequest("POST /api/strokes/rooms/{id}", 200, TimeSpan.FromSeconds(5));
        stats.RecordTimeout("POST /api/strokes/rooms/{id}");
        stats.RecordError("GET /api/rooms");

        var snapshot = stats.Snapshot();

        Assert.Equal(["GET /api/rooms", "POST /api/strokes/rooms/{id}"], snapshot.Select(s => s.Endpoint));
        var rooms = snapshot[0];
        Assert.Equal(1000, rooms.Requests);
        Assert.Equal(1, rooms.Errors);
        Assert.Equal(0, rooms.Timeouts);
        Assert.InRange(rooms.Latency.P50Ms, 499, 501);
        Assert.InRange(rooms.Latency.P90Ms, 899, 901);
        Assert.InRange(rooms.Latency.P99Ms, 989, 991);
        Assert.InRange(rooms.Latency.P999Ms, 998, 1001);
        Assert.InRange(rooms.Latency.MaxMs, 999, 1001);
        Assert.Equal((1L, 1L, 1L), (snapshot[1].Requests, snapshot[1].Errors, snapshot[1].Timeouts));
        Assert.Equal(1001, stats.TotalRequests);
    }

    [Fact]
    public void An_endpoint_without_requests_has_an_empty_histogram()
    {
        var stats = new EndpointStats();
        stats.RecordError("GET /");

        Assert.Equal(LatencySnapshot.Empty, stats.Snapshot().Single().Latency);
    }

    [Fact]
    public void Delivery_latency_is_a_histogram_too()
    {
        var delivery = new DeliveryStats();
        delivery.Record(TimeSpan.FromMilliseconds(10));
        delivery.Record(TimeSpan.FromMilliseconds(30));
        delivery.Record(TimeSpan.FromMilliseconds(-5)); // clocks may disagree: counted as zero

        var snapshot = delivery.Snapshot();

        Assert.Equal(3, snapshot.Count);
        Assert.InRange(snapshot.MaxMs, 29.9, 30.1);
        Assert.InRange(snapshot.P50Ms, 9.9, 10.1);
    }
}
