using IsuBench.Checks.FrontEnds;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Sse;

namespace IsuBench.Scenarios.Run;

/// <summary>What a benchmark run was asked to do; recorded in the result so a run can be repeated.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>The origins under test, as given (comma separated in the command line).</summary>
    public required IReadOnlyList<Uri> Targets { get; init; }

    /// <summary>Length of the load phase (docs/contract.md §2.4: 60 s).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The seed fixing every random choice of every virtual user.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The front end the checks expect (<c>--front-end</c>): <c>reference</c> or <c>isucon6f</c>; not the server's profile.</summary>
    public string FrontEnd { get; init; } = FrontEndCatalog.ReferenceName;

    /// <summary>A JSON file <c>{path: md5}</c> replacing the front end's expected static file hashes, or null.</summary>
    public string? AssetsManifest { get; init; }

    /// <summary>Reconnect SSE streams after 1 s whatever the server says, as the original bench did (the default; <c>--honor-retry</c> turns it off).</summary>
    public bool CompatRetry { get; init; } = true;

    /// <summary>IsuBench's additions to the original checks fail the run instead of warning (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>How SSE streams are opened: the engine's own socket client for http origins, or HttpClient.</summary>
    public SseTransport SseTransport { get; init; } = SseTransport.Socket;

    /// <summary>Which TLS stack carries https connections (<c>--tls</c>): the own TLS client where it can, always, or never.</summary>
    public TlsStackChoice Tls { get; init; } = TlsStackChoice.Auto;

    /// <summary>The User-Agent of every request.</summary>
    public string UserAgent { get; init; } = "benchmarker";

    /// <summary>What the load phase sends (<c>--workload</c>): ISUCON's scored load, or the gate workload.</summary>
    public LoadWorkload Workload { get; init; } = LoadWorkload.Isucon;

    /// <summary>Only the initial check (no load phase).</summary>
    public bool CheckOnly { get; init; }

    /// <summary>The share of the plan this process runs (<c>run --segment I/N</c>); the whole plan by default.</summary>
    public Segment Segment { get; init; } = Segment.Whole;

    /// <summary>When the load phase starts, wall clock (<c>run --start-at</c>); null: right after the initial check.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>A segment other than the first runs its load without waiting for segment 1's initial check (<c>--skip-initial-check</c>).</summary>
    public bool SkipInitialCheck { get; init; }
}
