using IsuBench.Bench.Reports;
using IsuBench.Integration.Bench;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Telemetry.Otlp;
using IsuBench.Integration.Tuned;

namespace IsuBench.Integration.Telemetry;

/// <summary>
/// isubench and the reference server, each a process of its own, stream their metrics over OTLP/HTTP to a receiver on
/// loopback while a short real run goes on: names, units and kinds are OpenTelemetry's, the values move with the run,
/// and the bench's last export agrees with its result.json.
/// </summary>
public sealed class LiveMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-otlp-").FullName;
    private OtlpReceiver _receiver = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    [Fact]
    public async Task Bench_and_reference_export_named_metrics_whose_values_move_during_a_run()
    {
        string connectionString = await SharedMariaDb.CreateDatabaseAsync("otlp_" + Guid.NewGuid().ToString("N")[..16]);
        var (initExit, _, initError) = await BenchCommandRunner.RunAsync("data", "init", "--mysql", connectionString, "--rooms", "150");
        Assert.True(initExit == 0, initError);
        string collector = _receiver.BaseAddress.GetLeftPart(UriPartial.Authority);
        string[] export = ["--otlp-endpoint", collector, "--otlp-interval", "1"];
        string outDir = Path.Combine(_directory, "run");
        // 12 s of load: Matsuri's posters stop 5 s before the end, so this leaves them 7 s to deliver strokes to watchers
        // (3 s were too few on a machine that a whole suite kept busy: no stroke was delivered).

        await using (var server = await ServerProcess.StartCommandAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "isuketch.dll"), .. export], "tuned", connectionString, ProcessTimeout))
        {
            var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "isubench.dll"), "run", "--target", server.BaseAddress.GetLeftPart(UriPartial.Authority),
                 "--duration", "12", "--out", outDir, "--no-progress", .. export], ProcessTimeout);
            Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
            // One more export interval, so that the server's last export comes after the run's last request.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));

        var bench = _receiver.MetricsOf("isubench");
        var requests = Series(bench, "isubench.request.duration", "s");
        Assert.All(requests, m => Assert.Equal(Metric.DataOneofCase.Histogram, m.DataCase));
        var rooms = requests[^1].Histogram.DataPoints.Where(p => Attribute(p.Attributes, "isubench.endpoint") == "GET /api/rooms").ToList();
        Assert.NotEmpty(rooms);
        Assert.All(rooms, p => Assert.Equal("GET", Attribute(p.Attributes, "http.request.method")));
        Assert.Contains(rooms, p => Attribute(p.Attributes, "isubench.status_class") == "2xx" && p.Count > 0 && p.Sum > 0);
        Assert.True(Count(requests[0]) < Count(requests[^1]), $"request count did not move: {Count(requests[0])} then {Count(requests[^1])}");

        var score = Series(bench, "isubench.score", "{point}");
        Assert.All(score, m => Assert.True(m.Sum.IsMonotonic && m.Sum.AggregationTemporality == AggregationTemporality.Cumulative));
        Assert.Equal(result.Score, Total(score[^1]));
        Assert.True(Total(score[0]) < Total(score[^1]), "the score did not move between exports");
        Assert.Equal(
            result.Scores.Where(s => s.Value.Points > 0).Select(s => s.Key).Order(),
            score[^1].Sum.DataPoints.Where(p => p.AsInt > 0).Select(p => Attribute(p.Attributes, "isubench.score.kind")).Order());

        var watchers = Series(bench, "isubench.sse.watchers", "{watcher}");
        Assert.All(watchers, m => Assert.False(m.Sum.IsMonotonic));
        Assert.True(watchers.Max(Total) > 0, "no export saw an open watcher");
        Assert.Equal(0, Total(watchers[^1]));
        Assert.True(result.SseDelivery.Count > 0, "no stroke was delivered in the run");
        var delivery = Series(bench, "isubench.sse.delivery.duration", "s");
        Assert.Equal((ulong)result.SseDelivery.Count, Count(delivery[^1]));

        var served = _receiver.MetricsOf("isuketch");
        var serverRequests = Series(served, "http.server.request.duration", "s");
        Assert.True(Count(serverRequests[0]) < Count(serverRequests[^1]), "the server's request count did not move");
        var stored = Series(served, "isuketch.strokes.stored", "{stroke}");
        Assert.True(Total(stored[^1]) > 0);
        var events = Series(served, "isuketch.sse.events", "{event}");
        Assert.Contains(events[^1].Sum.DataPoints, p => Attribute(p.Attributes, "isuketch.event.type") == "stroke" && p.AsInt > 0);
        Assert.True(Series(served, "isuketch.sse.streams", "{stream}").Max(Total) > 0, "no export saw an open stream");
    }

    /// <summary>One metric's exports in arrival order, each with the expected unit.</summary>
    private static List<Metric> Series(IReadOnlyList<Metric> metrics, string name, string unit)
    {
        var series = metrics.Where(m => m.Name == name).ToList();
        Assert.True(series.Count > 0, $"no {name} among {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");
        Assert.All(series, m => Assert.Equal(unit, m.Unit));
        return series;
    }

    private static long Total(Metric metric) => metric.Sum.DataPoints.Sum(p => p.AsInt);

    private static ulong Count(Metric metric) => metric.Histogram.DataPoints.Aggregate(0UL, (sum, p) => sum + p.Count);

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value?.StringValue;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
