using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 7: each static file's MD5 matches the front end's (critical); under <c>reference</c> the expected hashes come from the target's manifest unless overridden.</summary>
internal sealed class StaticFilesCheck : IInitialCheck
{
    /// <summary>Where the reference server publishes the MD5s of its static files.</summary>
    public const string ManifestPath = "/assets-manifest.json";

    /// <inheritdoc />
    public string Name => InitialCheckNames.StaticFiles;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var frontEnd = await ResolveFrontEndAsync(context, session, cancellationToken);
        if (frontEnd is null) return;
        // Fetched together: a server that stops answering costs one timeout, not one per file.
        var responses = await Task.WhenAll(StaticFilePaths.All.Select(path => IsuketchApi.StaticFileAsync(session, path, cancellationToken)));
        for (var i = 0; i < responses.Length; i++)
        {
            var (path, response) = (StaticFilePaths.All[i], responses[i]);
            var verdict = response.Failure == FailureKind.None
                ? StaticFileRules.HashMatches(path, response.Status, response.Body, frontEnd, "GET " + path)
                : StaticFileRules.Hash.Fail("GET " + path, $"{path} with status 200", ResponseText.Body(response));
            context.Judge(response, verdict);
        }
    }

    private static async Task<FrontEnd?> ResolveFrontEndAsync(CheckContext context, Session session, CancellationToken cancellationToken)
    {
        var options = context.Options;
        if (options.FrontEnd != FrontEndCatalog.ReferenceName || options.AssetsManifestOverride is not null)
            return FrontEndFor.Options(options, new Dictionary<string, string>());

        // The manifest is the bench's configuration, not part of the contract: it neither scores nor counts as a check of its own.
        var response = await session.GetAsync(ManifestPath, "GET " + ManifestPath, cancellationToken);
        string? problem = ResponseText.Describe(response);
        if (response.Is(200) && AssetsManifest.TryParse(response.Text, out var manifest, out problem))
            return FrontEndFor.Options(options, manifest!);
        context.Record(StaticFileRules.Hash.Fail("GET " + ManifestPath,
            "the target's assets manifest {path: md5} (or give --assets-manifest FILE, or --front-end isucon6f)", problem ?? ""));
        return null;
    }
}
