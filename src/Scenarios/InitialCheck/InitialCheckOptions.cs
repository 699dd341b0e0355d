using IsuBench.Checks.FrontEnds;
using IsuBench.Engine.Sse;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>What the initial check runs and what it expects; targets and user agent belong to the <see cref="Engine.SessionFactory"/> it is given.</summary>
public sealed record InitialCheckOptions
{
    /// <summary>The front end the checks expect (<c>--front-end</c>): <c>reference</c> (default) or <c>isucon6f</c>.</summary>
    public string FrontEnd { get; init; } = FrontEndCatalog.ReferenceName;

    /// <summary>Expected static-file hashes replacing the front end's (<c>--assets-manifest FILE</c>, read with <see cref="AssetsManifestFile"/>); null keeps the front end's.</summary>
    public IReadOnlyDictionary<string, string>? AssetsManifestOverride { get; init; }

    /// <summary>Fixes every random choice (targets, jitter, the rooms picked).</summary>
    public int Seed { get; init; }

    /// <summary>How long each watcher of the watcher-count check stays (6 s, as the original).</summary>
    public TimeSpan WatcherStay { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Reconnect after 1 s whatever <c>retry</c> the server sends, as the original benchmark did.</summary>
    public bool CompatRetry { get; init; } = true;

    /// <summary>How watchers open their streams (SseClientOptions.Transport).</summary>
    public SseTransport SseTransport { get; init; } = SseTransport.Socket;

    /// <summary>IsuBench's additions (rules the original benchmark did not enforce) fail the run instead of warning (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>Run only the checks named here (see <see cref="InitialCheckNames"/>); null runs them all.</summary>
    public IReadOnlySet<string>? OnlyChecks { get; init; }
}
