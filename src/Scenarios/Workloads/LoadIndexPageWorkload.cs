using IsuBench.Checks.FrontEnds;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// LoadIndexPage: a new session loads <c>/</c> three times, each time followed by the static files (all at once, no hash
/// check) and every <c>&lt;img&gt;</c> of the page, at most six of that page at a time; the first failure ends the iteration.
/// As the original (scenario/misc.go, loadImages: six slots for each page, and a page ends when its last image is asked for),
/// a page's last images are still loading when the next page is asked for, and through the pause after the iteration: up
/// to twelve images of one worker at once. An image that fails after its page ended fails only itself.
/// </summary>
internal static class LoadIndexPageWorkload
{
    /// <summary>The workload's name.</summary>
    public const string Name = "LoadIndexPage";

    /// <summary>The workload with its workers and pauses from <paramref name="options"/>.</summary>
    public static Workload Create(LoadOptions options, Judge judge) =>
        new(Name, options.LoadIndexPageWorkers, (context, token) => RunAsync(context, options, judge, token))
        {
            PauseAfterSuccess = options.LoadIndexPagePause,
            PauseAfterFailure = options.LoadIndexPagePauseAfterFailure,
        };

    private static async Task RunAsync(WorkerContext context, LoadOptions options, Judge judge, CancellationToken cancellationToken)
    {
        using var session = context.NewSession();
        var requests = JudgedRequests.ForLoad(judge);
        for (int load = 0; load < options.IndexPageLoads; load++)
        {
            var images = new ImageLoads(requests, session, options.ImageConcurrency);
            try
            {
                if (!await LoadOnceAsync(judge, requests, session, images, cancellationToken))
                {
                    context.MarkFailed();
                    return;
                }
            }
            finally
            {
                // The page's last images load on through the next page and the pause, as the original's did; how they end
                // counts for their endpoint, not for the page, which was decided when its last image was asked for.
                context.LeaveRunning(images.AllAsync());
            }
        }
    }

    private static async Task<bool> LoadOnceAsync(Judge judge, JudgedRequests requests, Session session, ImageLoads images, CancellationToken cancellationToken)
    {
        var top = await requests.PageAsync(IsuketchApi.TopPageAsync(session, cancellationToken));
        if (!top.Passed)
        {
            return false;
        }
        var page = top.Value!;
        var statics = await Task.WhenAll(StaticFilePaths.All.Select(path => requests.AnsweredOkAsync(IsuketchApi.StaticFileAsync(session, path, cancellationToken))));
        if (statics.Contains(false))
        {
            return false;
        }
        var paths = new List<string>();
        foreach (var source in page.ImageSources)
        {
            if (ImagePath(session.Origin, source) is { } path)
            {
                paths.Add(path);
            }
            else
            {
                judge.Error($"An image of the top page is not on the target [{Endpoints.TopPage}]: {source}");
                return false;
            }
        }
        foreach (var path in paths)
        {
            await images.StartAsync(path, cancellationToken);
        }
        return images.Failures == 0;
    }

    // An <img src> relative to the page, or absolute on the same origin; null for another origin or a malformed value.
    private static string? ImagePath(Uri origin, string source)
    {
        if (!Uri.TryCreate(origin, source, out var resolved) || Uri.Compare(resolved, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }
        return resolved.PathAndQuery;
    }
}
