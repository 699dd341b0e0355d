using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class LoadIndexPageTests
{
    [Fact]
    public async Task An_iteration_loads_the_top_page_three_times_with_static_files_and_every_image_at_most_six_at_a_time()
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
        Assert.InRange(fake.PeakConcurrentImages, 2, 6);
    }

    [Fact]
    public async Task A_failing_image_fails_the_iteration_once_the_failure_is_known()
    {
        await using var fake = await ScriptedIsuketch.StartAsync(topPageImages: 4, imageStatus: 500);
        using var sessions = TestRuns.Sessions(fake.Server.Origin);
        var workload = LoadIndexPageWorkload.Create(new LoadOptions { LoadIndexPageWorkers = 1 }, new Judge(sessions.Metrics)) with { MaxIterations = 1 };

        var run = await new LoadRunner(sessions, 1).RunAsync([workload], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(1, run.FailedIterations[LoadIndexPageWorkload.Name]);
        // As the original, the next page does not wait for a page's last images: the failures may show one or two pages later.
        var pages = sessions.Metrics.Endpoints.Snapshot().Single(e => e.Endpoint == Endpoints.TopPage).Requests;
        Assert.InRange(pages, 1, 3);
        Assert.Equal(pages * (1 + 3), sessions.Metrics.Score.Total);
        var error = Assert.Single(sessions.Metrics.Errors.Snapshot());
        Assert.Equal(4 * pages, error.Count);
        Assert.Equal("The response has an unexpected status code [GET /img/{id}]: status 500", error.Message);
    }
}
