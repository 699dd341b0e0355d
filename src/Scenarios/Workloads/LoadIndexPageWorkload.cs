using IsuBench.Checks.Profiles;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// LoadIndexPage, SPEC §2.3: a new session loads <c>/</c> three times, each time followed by the static files (no hash
/// check) and every <c>&lt;img&gt;</c> of the page, at most six at a time; the first failure ends the iteration.
/// </summary>
public static class LoadIndexPageWorkload
{
    /// <summary>The workload's name.</summary>
    public const string Name = "LoadIndexPage";

    /// <summary>The workload with its workers and pauses from <paramref name="options"/>.</summary>
    public static Workload Create(LoadOptions options) =>
        new(Name, options.LoadIndexPageWorkers, (context, token) => RunAsync(context, options, token))
        {
            PauseAfterSuccess = options.LoadIndexPagePause,
            PauseAfterFailure = options.LoadIndexPagePauseAfterFailure,
        };

    private static async Task RunAsync(WorkerContext context, LoadOptions options, CancellationToken cancellationToken)
    {
        using var session = context.NewSession();
        for (int load = 0; load < options.IndexPageLoads; load++)
        {
            if (!await LoadOnceAsync(session, options, cancellationToken))
            {
                context.MarkFailed();
                return;
            }
        }
    }

    private static async Task<bool> LoadOnceAsync(Session session, LoadOptions options, CancellationToken cancellationToken)
    {
        var page = await LoadRequests.FetchTopPageAsync(session, cancellationToken);
        if (page is null)
        {
            return false;
        }
        foreach (var path in StaticFilePaths.All)
        {
            if (!await LoadRequests.FetchOkAsync(session, path, "GET " + path, cancellationToken))
            {
                return false;
            }
        }
        var images = new List<string>();
        foreach (var source in page.ImageSources)
        {
            if (ImagePath(session.Origin, source) is { } path)
            {
                images.Add(path);
            }
            else
            {
                session.Metrics.Errors.Add($"An image of the top page is not on the target [{LoadRequests.TopPage}]: {source}");
                return false;
            }
        }
        int failures = 0;
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = options.ImageConcurrency, CancellationToken = cancellationToken },
            async (path, token) =>
            {
                string endpoint = path.StartsWith("/img/", StringComparison.Ordinal) ? LoadRequests.Image : "GET (other image)";
                if (!await LoadRequests.FetchOkAsync(session, path, endpoint, token))
                {
                    Interlocked.Increment(ref failures);
                }
            });
        return failures == 0;
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
