using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Segments;

/// <summary>
/// A recorded run: the same made-up events (requests, scores, deliveries, errors) recorded once into one run's metrics and
/// once split among N segments' metrics by the worker that made them (as <c>--segment</c> deals workers), then merged.
/// </summary>
public sealed class SegmentMergeTests
{
    private static readonly string[] EndpointNames = ["GET /", "GET /img/{id}", "POST /api/strokes/rooms/{id}", "GET /api/stream/rooms/{id}"];
    private static readonly Rule Rule = new("tokens.refreshed", "the CSRF token is not refreshed", Critical: true);

    private sealed class Recording(int segments)
    {
        public ManualClock Clock { get; } = new();
        public RunMetrics Whole { get; private set; } = null!;
        public RunMetrics[] Parts { get; private set; } = null!;
        public TimeSeries WholeSeries { get; private set; } = null!;
        public TimeSeries[] PartSeries { get; private set; } = null!;

        public Recording Record(int seed, int criticalInSegment = 0)
        {
            Whole = new RunMetrics(Clock, ScoreKinds.Scale);
            Parts = Enumerable.Range(0, segments).Select(_ => new RunMetrics(Clock, ScoreKinds.Scale)).ToArray();
            WholeSeries = new TimeSeries(Whole);
            PartSeries = Parts.Select(p => new TimeSeries(p)).ToArray();
            var random = new Random(seed);
            for (int second = 0; second < 20; second++)
            {
                for (int n = 0; n < 500; n++)
                {
                    int worker = random.Next(22);
                    int segment = Segment.SegmentOf(seed, "W", worker, 22, segments) - 1;
                    void Both(Action<RunMetrics> record)
                    {
                        record(Whole);
                        record(Parts[segment]);
                    }
                    var endpoint = EndpointNames[random.Next(EndpointNames.Length)];
                    var latency = TimeSpan.FromMicroseconds(random.Next(100, 2_000_000) * (random.Next(50) == 0 ? 20 : 1));
                    int roll = random.Next(100);
                    Both(m => m.Endpoints.RecordRequest(endpoint, 200, latency));
                    if (roll < 60) Both(m => m.Score.Add(ScoreKind.Get));
                    else if (roll < 80) Both(m => m.Score.Add(ScoreKind.Post));
                    else if (roll < 95)
                    {
                        Both(m => m.Score.Add(ScoreKind.StreamStroke));
                        Both(m => m.Delivery.Record(latency / 3));
                    }
                    else if (roll < 98)
                    {
                        var message = $"{endpoint}: status {500 + roll - 95}";
                        Both(m => m.Endpoints.RecordError(endpoint));
                        Both(m => m.Errors.Add(message));
                    }
                    else
                    {
                        Both(m => m.Endpoints.RecordTimeout(endpoint));
                        Both(m => m.Errors.Add(ErrorKind.Warning, $"{endpoint}: an addition's warning"));
                    }
                }
                Clock.Advance(TimeSpan.FromSeconds(1));
                WholeSeries.Sample();
                foreach (var series in PartSeries) series.Sample();
            }
            if (criticalInSegment > 0)
            {
                Whole.Errors.AddCritical("a critical error");
                Parts[criticalInSegment - 1].Errors.AddCritical("a critical error");
            }
            return this;
        }

        public ResultDocument WholeDocument() =>
            ResultDocument.From(Collect(Whole, WholeSeries, Segment.Whole), "whole", "test");

        public List<PartialResultDocument> Partials() =>
            Enumerable.Range(1, segments).Select(i =>
            {
                var result = Collect(Parts[i - 1], PartSeries[i - 1], new Segment(i, segments));
                return PartialResultFile.From(result, Parts[i - 1], ResultDocument.From(result, $"segment-{i}", "test"));
            }).ToList();

        private BenchmarkResult Collect(RunMetrics metrics, TimeSeries series, Segment segment)
        {
            var options = new BenchmarkOptions { Targets = [new Uri("http://127.0.0.1:8080")], Seed = 3, Segment = segment };
            var checks = segment.RunsInitialCheck ? new List<CheckOutcome> { new(InitialCheckNames.TokenRefresh, [Rule.Pass("GET /")], TimeSpan.FromSeconds(1)) } : [];
            var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
            return BenchmarkResult.Collect(options, metrics, new InitialCheckResult(checks), null, series.Points, started, Clock.UtcNow,
                checkedElsewhere: segment.RunsInitialCheck ? null : true) with
            {
                ErrorsOverTime = series.ErrorsOverTime,
                TimeSeriesOrigin = series.Origin,
            };
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_run_split_into_segments_and_merged_has_the_totals_and_the_percentiles_of_the_whole(int segments)
    {
        var recording = new Recording(segments).Record(seed: 11);
        var whole = recording.WholeDocument();

        var merged = SegmentMerge.Merge(recording.Partials(), "merged", "test");

        Assert.True(merged.Pass);
        Assert.Equal(whole.Score, merged.Score);
        Assert.Equal(whole.Scores, merged.Scores);
        Assert.Equal(whole.Endpoints, merged.Endpoints);
        Assert.Equal(whole.SseDelivery.Count, merged.SseDelivery.Count);
        Assert.Equal(whole.SseDelivery with { Histogram = [] }, merged.SseDelivery with { Histogram = [] });
        Assert.Equal(whole.SseDelivery.Histogram, merged.SseDelivery.Histogram);
        Assert.Equal(whole.Errors.Select(e => (e.Kind, e.Message, e.Count)), merged.Errors.Select(e => (e.Kind, e.Message, e.Count)));
        Assert.Equal(whole.Messages, merged.Messages);
        Assert.Equal(whole.Checks.Select(c => c.Name), merged.Checks.Select(c => c.Name));
        // The segments sampled together: the merged series is the whole's, second by second.
        Assert.Equal(whole.TimeSeries.Select(p => (p.Score, p.Errors)), merged.TimeSeries.Select(p => (p.Score, p.Errors)));
        Assert.Equal(whole.TimeSeries.Select(p => p.RequestsPerSecond), merged.TimeSeries.Select(p => p.RequestsPerSecond), (a, b) => Math.Abs(a - b) < 0.05);
        Assert.Equal(whole.ErrorsOverTime!.Messages.Sum(m => m.Counts.Sum()) + whole.ErrorsOverTime.Other.Sum(),
            merged.ErrorsOverTime!.Messages.Sum(m => m.Counts.Sum()) + merged.ErrorsOverTime.Other.Sum());
    }

    [Fact]
    public void The_merge_does_not_depend_on_the_order_of_its_inputs()
    {
        var partials = new Recording(4).Record(seed: 5).Partials();
        var expected = ResultJson.Serialize(SegmentMerge.Merge(partials, "merged", "test"));
        var random = new Random(1);
        for (int i = 0; i < 5; i++)
        {
            var shuffled = partials.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, ResultJson.Serialize(SegmentMerge.Merge(shuffled, "merged", "test")));
        }
    }

    [Fact]
    public void A_missing_segment_fails_the_result_names_it_and_the_others_data_is_kept()
    {
        var recording = new Recording(3).Record(seed: 9);
        var partials = recording.Partials();
        var given = new[] { partials[0], partials[2] };

        var merged = SegmentMerge.Merge(given, "merged", "test");

        Assert.False(merged.Pass);
        Assert.Contains("segment 2/3 is missing: no partial result of it was given", merged.Messages);
        var kept = given.Select(PartialResultFile.ResultOf).ToList();
        Assert.Equal(kept.Sum(d => d.Score), merged.Score);
        Assert.Equal(kept.Sum(d => d.Endpoints.Sum(e => e.Count)), merged.Endpoints.Sum(e => e.Count));
        Assert.Equal(kept.Sum(d => d.SseDelivery.Count), merged.SseDelivery.Count);
    }

    [Fact]
    public void A_missing_segment_is_named_with_the_reason_given_and_the_result_says_how_many_segments_it_merges()
    {
        var partials = new Recording(3).Record(seed: 9).Partials();

        var merged = SegmentMerge.Merge([partials[0], partials[1]], "merged", "test",
            new Dictionary<int, string> { [3] = "its process ended with exit code 137" });

        Assert.False(merged.Pass);
        Assert.Contains("segment 3/3 is missing: its process ended with exit code 137", merged.Messages);
        Assert.DoesNotContain(merged.Messages, m => m.Contains("no partial result of it was given", StringComparison.Ordinal));
        Assert.Equal(3, merged.Options.Segments);
        Assert.Null(merged.Options.Processes);
        Assert.Equal("merged from 3 segments", RunIdentity.Split(merged));
        Assert.Null(RunIdentity.Split(PartialResultFile.ResultOf(partials[0])));
    }

    [Fact]
    public void A_segment_without_segment_1_has_no_initial_check_and_fails()
    {
        var partials = new Recording(2).Record(seed: 9).Partials();
        var merged = SegmentMerge.Merge([partials[1]], "merged", "test");
        Assert.False(merged.Pass);
        Assert.False(merged.InitialCheckPassed);
        Assert.Contains("segment 1/2 is missing: no partial result of it was given", merged.Messages);
    }

    [Fact]
    public void A_failed_segment_fails_the_result_and_is_named()
    {
        var merged = SegmentMerge.Merge(new Recording(3).Record(seed: 2, criticalInSegment: 3).Partials(), "merged", "test");
        Assert.False(merged.Pass);
        Assert.Contains("segment 3/3 failed (its errors are listed here too)", merged.Messages);
        Assert.Contains("a critical error", merged.Messages);
    }

    [Fact]
    public void Partial_results_of_another_run_or_the_same_segment_twice_are_refused()
    {
        var partials = new Recording(2).Record(seed: 4).Partials();
        Assert.Throws<SegmentMerge.MergeException>(() => SegmentMerge.Merge([partials[0], partials[0]], "m", "test"));
        Assert.Throws<SegmentMerge.MergeException>(() => SegmentMerge.Merge([partials[0], partials[1] with { Seed = 99 }], "m", "test"));
        Assert.Throws<SegmentMerge.MergeException>(() => SegmentMerge.Merge([partials[0], partials[1] with { SegmentCount = 3 }], "m", "test"));
    }

    [Fact]
    public async Task Partial_results_written_to_a_folder_read_back_and_merge_to_files()
    {
        var recording = new Recording(2).Record(seed: 8);
        string folder = Path.Combine(Path.GetTempPath(), "isubench-segments-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var partial in recording.Partials()) await PartialResultFile.WriteAsync(folder, partial, CancellationToken.None);
            Assert.True(File.Exists(Path.Combine(folder, "segment-1-of-2.json")));
            var read = await PartialResultInput.ReadAsync([folder], CancellationToken.None);
            var merged = SegmentMerge.Merge(read, "merged", "test");
            Assert.Equal(recording.WholeDocument().Endpoints, merged.Endpoints);
            var written = await ResultFiles.WriteAsync(Path.Combine(folder, "merged"), merged, null, CancellationToken.None);
            Assert.Equal(4, written.Count);
            Assert.Equal(merged.Score, ResultJson.Deserialize(await File.ReadAllTextAsync(written[0])).Score);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_encoded_histogram_decodes_to_the_same_values()
    {
        var histogram = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) histogram.Record(TimeSpan.FromMicroseconds(i * 37));
        Assert.Equal(histogram.Snapshot(), LatencyHistogram.Decode(histogram.Encode()).Snapshot());
        Assert.Throws<FormatException>(() => LatencyHistogram.Decode("bm90IGEgaGlzdG9ncmFt"));
    }

    [Fact]
    public async Task A_cut_partial_result_is_reported_and_its_segment_counts_as_missing()
    {
        var partials = new Recording(2).Record(seed: 6).Partials();
        string folder = Path.Combine(Path.GetTempPath(), "isubench-segments-" + Guid.NewGuid().ToString("N"));
        try
        {
            await PartialResultFile.WriteAsync(folder, partials[0], CancellationToken.None);
            string second = await PartialResultFile.WriteAsync(folder, partials[1], CancellationToken.None);
            var text = await File.ReadAllTextAsync(second);
            await File.WriteAllTextAsync(second, text[..(text.Length / 2)]);

            var (read, unreadable) = await PartialResultInput.ReadReadableAsync([folder], CancellationToken.None);

            Assert.Contains("segment-2-of-2.json", Assert.Single(unreadable));
            var merged = SegmentMerge.Merge(read, "merged", "test");
            Assert.False(merged.Pass);
            Assert.Contains("segment 2/2 is missing: no partial result of it was given", merged.Messages);
            Assert.Equal(PartialResultFile.ResultOf(partials[0]).Score, merged.Score);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
