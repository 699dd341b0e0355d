using System.Collections.Concurrent;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class SegmentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Every_worker_of_every_workload_belongs_to_exactly_one_segment_and_the_shares_are_even(int count)
    {
        foreach (var (workload, workers) in new[] { ("Matsuri", 10), ("LoadIndexPage", 10), ("DrawOnRandomRoom", 2), ("One", 1) })
        {
            var owners = Enumerable.Range(0, workers)
                .Select(w => Enumerable.Range(1, count).Where(i => new Segment(i, count).Owns(42, workload, w, workers)).ToList())
                .ToList();
            Assert.All(owners, o => Assert.Single(o));
            var shares = Enumerable.Range(1, count).Select(i => owners.Count(o => o[0] == i)).ToList();
            Assert.True(shares.Max() - shares.Min() <= 1, $"{workload} in {count}: {string.Join(",", shares)}");
        }
    }

    [Fact]
    public void The_deal_depends_on_the_seed_and_is_the_same_in_every_process()
    {
        var deal = Enumerable.Range(0, 10).Select(w => Segment.SegmentOf(42, "Matsuri", w, 10, 3)).ToList();
        Assert.Equal(deal, Enumerable.Range(0, 10).Select(w => Segment.SegmentOf(42, "Matsuri", w, 10, 3)).ToList());
        Assert.NotEqual(deal, Enumerable.Range(0, 10).Select(w => Segment.SegmentOf(43, "Matsuri", w, 10, 3)).ToList());
    }

    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData("1/1", 1, 1)]
    public void Parse_reads_I_of_N(string text, int index, int count)
    {
        Assert.Equal(new Segment(index, count), Segment.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void Parse_refuses_what_is_not_I_of_N_with_1_le_I_le_N(string text)
    {
        Assert.Null(Segment.Parse(text, out var error));
        Assert.Contains("--segment", error);
    }

    [Fact]
    public async Task Segments_of_a_load_runner_start_disjoint_workers_that_together_are_the_whole_run_with_the_same_seeds()
    {
        static async Task<ConcurrentDictionary<string, int>> RunAsync(Segment segment)
        {
            var seeds = new ConcurrentDictionary<string, int>();
            Func<WorkerContext, CancellationToken, Task> step = (context, _) =>
            {
                seeds[$"{context.Workload}#{context.WorkerIndex}"] = context.Random.Next();
                return Task.CompletedTask;
            };
            using var sessions = new SessionFactory(new Targets([new Uri("http://127.0.0.1:9")]), new SessionOptions(), new RunMetrics(SystemClock.Instance, ScoreKinds.Scale));
            await new LoadRunner(sessions, 5) { Segment = segment }
                .RunAsync([new Workload("A", 5, step) { MaxIterations = 1 }, new Workload("B", 2, step) { MaxIterations = 1 }], TimeSpan.FromSeconds(5), CancellationToken.None);
            return seeds;
        }
        var whole = await RunAsync(Segment.Whole);
        var parts = new[] { await RunAsync(new Segment(1, 3)), await RunAsync(new Segment(2, 3)), await RunAsync(new Segment(3, 3)) };
        Assert.Equal(7, whole.Count);
        Assert.Equal(7, parts.Sum(p => p.Count));
        foreach (var part in parts)
            foreach (var (worker, seed) in part)
                Assert.Equal(whole[worker], seed);
    }
}
