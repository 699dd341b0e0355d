using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class DrawOnRandomRoomTests
{
    private static async Task<(RunMetrics Metrics, LoadRunResult Run, List<(long RoomId, string? Token, int Points)> Posts)> RunAsync(
        int seed, int listedRooms = 100, int iterations = 20)
    {
        await using var fake = await ScriptedIsuketch.StartAsync(listedRooms);
        using var sessions = TestRuns.Sessions(fake.Server.Origin);
        var options = new LoadOptions { DrawOnRandomRoomWorkers = 1, DrawOnRandomRoomPause = TimeSpan.Zero };
        var workload = DrawOnRandomRoomWorkload.Create(options, new Judge(sessions.Metrics)) with { MaxIterations = iterations };
        var run = await new LoadRunner(sessions, seed).RunAsync([workload], TimeSpan.FromSeconds(30), CancellationToken.None);
        return (sessions.Metrics, run, fake.Posts.ToList());
    }

    [Fact]
    public async Task Each_iteration_posts_one_www_stroke_into_a_room_of_positions_20_to_99_with_that_rooms_token()
    {
        var (metrics, run, posts) = await RunAsync(seed: 5);

        Assert.Equal(20, run.Iterations[DrawOnRandomRoomWorkload.Name]);
        Assert.Equal(0, run.FailedIterations[DrawOnRandomRoomWorkload.Name]);
        Assert.Equal(20, posts.Count);
        var wwwPointCounts = StrokeSeeds.Load("www").Select(s => s.Points.Count).ToHashSet();
        Assert.All(posts, post =>
        {
            Assert.InRange(post.RoomId, 1001 + 20, 1001 + 99);
            Assert.Equal(ScriptedIsuketch.TokenOf(post.RoomId), post.Token);
            Assert.Contains(post.Points, wwwPointCounts);
        });
        Assert.True(posts.Select(p => p.RoomId).Distinct().Count() > 5, "rooms are picked at random");
        // Per iteration: GET /api/rooms 1 + GET /rooms/{id} 1 + POST 20.
        Assert.Equal(20 * 22, metrics.Score.Total);
        Assert.Equal(0, metrics.Errors.ServerErrors);
    }

    [Fact]
    public async Task The_same_seed_picks_the_same_rooms_and_strokes()
    {
        var first = await RunAsync(seed: 11, iterations: 8);
        var again = await RunAsync(seed: 11, iterations: 8);
        var other = await RunAsync(seed: 12, iterations: 8);

        Assert.Equal(first.Posts, again.Posts);
        Assert.NotEqual(first.Posts, other.Posts);
    }

    [Fact]
    public async Task A_room_list_without_exactly_100_rooms_is_an_error_and_nothing_is_posted()
    {
        var (metrics, run, posts) = await RunAsync(seed: 5, listedRooms: 99, iterations: 2);

        Assert.Empty(posts);
        Assert.Equal(2, run.FailedIterations[DrawOnRandomRoomWorkload.Name]);
        Assert.Equal(0, metrics.Score.Total);
        var error = Assert.Single(metrics.Errors.Snapshot());
        Assert.Equal((ErrorKind.Ordinary, 2L), (error.Kind, error.Count));
        Assert.Equal("The room list API does not return exactly 100 rooms [GET /api/rooms]: 99 rooms", error.Message);
    }
}
