using IsuBench.Checks.FrontEnds;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// LoadIndexPage: a new session loads <c>/</c> three times, each time followed by the static files (all at once, no hash
/// check) and every <c>&lt;img&gt;</c> of the page, at most six at a time; the first failure ends the iteration. As the
/// original (scenario/misc.go, loadImages), a page's last images are still loading when the next page is asked for: the
/// workload waits for a free slot for each image, not for the last ones to finish (the iteration waits for them at its end).
/// </summary>
public static class LoadIndexPageWorkload
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
        var images = new ImageLoads(requests, session, options.ImageConcurrency);
        try
        {
            for (int load = 0; load < options.IndexPageLoads; load++)
            {
                if (!await LoadOnceAsync(judge, requests, session, images, cancellationToken))
                {
                    context.MarkFailed();
                    return;
                }
            }
        }
        finally
        {
            // The iteration ends with its last images (so nothing outlives it), and fails if any did.
            await images.AllAsync();
        }
        if (images.Failures > 0)
        {
            context.MarkFailed();
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
