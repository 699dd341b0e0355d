using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class LoadIndexPageTests
{
    [Fact]
    public async Task An_iteration_loads_the_top_page_three_times_with_static_files_and_every_image_at_most_six_of_a_page_at_a_time()
    {
        await using var fake = await ScriptedIsuketch.StartAsync(topPageImages: 30);
        using var sessions = TestRuns.Sessions(fake.Server.Origin);
        var workload = LoadIndexPageWorkload.Create(new LoadOptions { LoadIndexPageWorkers = 1 }, new Judge(sessions.Metrics)) with { MaxIterations = 1 };

        var run = await new LoadRunner(sessions, 1).RunAsync([workload], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((1L, 0L), (run.Iterations[LoadIndexPageWorkload.Name], run.FailedIterations[LoadIndexPageWorkload.Name]));
        // 3 × (top page + the 3 static files + 30 images), each a successful GET.
        Assert.Equal(3 * (1 + 3 + 30), sessions.Metrics.Score.Total);
        var endpoints = sessions.Metrics.Endpoints.Snapshot().ToDictionary(e => e.Endpoint, e => e.Requests);
        Assert.Equal(3, endpoints[Endpoints.TopPage]);
        Assert.Equal(90, endpoints[Endpoints.Image]);
        Assert.Equal(3, endpoints["GET /bundle.js"]);
        // Six of a page at a time; a page's last six still load while the next page's begin, as in the original.
        Assert.InRange(fake.PeakConcurrentImages, 2, 12);
    }

    [Fact]
    public async Task A_failing_image_fails_its_page_when_the_failure_is_known_before_the_page_asked_for_its_last_image()
    {
        // Twelve images, six at a time: the seventh waits for a slot, and so for a failure already counted.
        await using var fake = await ScriptedIsuketch.StartAsync(topPageImages: 12, imageStatus: 500);
        using var sessions = TestRuns.Sessions(fake.Server.Origin);
        var workload = LoadIndexPageWorkload.Create(new LoadOptions { LoadIndexPageWorkers = 1 }, new Judge(sessions.Metrics)) with { MaxIterations = 1 };

        var run = await new LoadRunner(sessions, 1).RunAsync([workload], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(1, run.FailedIterations[LoadIndexPageWorkload.Name]);
        Assert.Equal(1, sessions.Metrics.Endpoints.Snapshot().Single(e => e.Endpoint == Endpoints.TopPage).Requests);
        Assert.Equal(1 + 3, sessions.Metrics.Score.Total);
        // Every image the page asked for ended, and was recorded, before the run did.
        var error = Assert.Single(sessions.Metrics.Errors.Snapshot());
        Assert.Equal(12, error.Count);
        Assert.Equal("The response has an unexpected status code [GET /img/{id}]: status 500", error.Message);
    }

    [Fact]
    public async Task Images_that_fail_after_their_page_asked_for_its_last_one_fail_only_themselves_as_in_the_original()
    {
        // A page's four images are answered only once all four were asked for: the page ends (as the original's loadImages
        // returned once its last image was launched) before any of them fails.
        await using var fake = await ScriptedIsuketch.StartAsync(topPageImages: 4, imageStatus: 500, imagesAnsweredTogether: 4);
        using var sessions = TestRuns.Sessions(fake.Server.Origin);
        var workload = LoadIndexPageWorkload.Create(new LoadOptions { LoadIndexPageWorkers = 1 }, new Judge(sessions.Metrics)) with { MaxIterations = 1 };

        var run = await new LoadRunner(sessions, 1).RunAsync([workload], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal((1L, 0L), (run.Iterations[LoadIndexPageWorkload.Name], run.FailedIterations[LoadIndexPageWorkload.Name]));
        Assert.Equal(3, sessions.Metrics.Endpoints.Snapshot().Single(e => e.Endpoint == Endpoints.TopPage).Requests);
        Assert.Equal(3 * (1 + 3), sessions.Metrics.Score.Total);
        // The last page's images were still loading when the iteration ended; the worker waited for them before it stopped.
        var error = Assert.Single(sessions.Metrics.Errors.Snapshot());
        Assert.Equal(3 * 4, error.Count);
    }
}
