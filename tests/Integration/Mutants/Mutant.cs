namespace IsuBench.Integration.Mutants;

/// <summary>
/// One deliberately broken server behaviour, made by the fault-injecting proxy in front of a correct reference:
/// it breaks the rule <see cref="Breaks"/> and the initial check must say so. A fresh instance per run (mutants keep state).
/// </summary>
public sealed class Mutant
{
    /// <summary>A short name, e.g. <c>token-reused</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The rule id the initial check must fail.</summary>
    public required string Breaks { get; init; }

    /// <summary>Alters the request before it goes to the reference.</summary>
    public Action<HttpRequestMessage>? Request { get; init; }

    /// <summary>Alters a buffered (non-stream) response.</summary>
    public Action<ProxyResponse>? Response { get; init; }

    /// <summary>Alters one line of an SSE response; returns the lines to send instead (none drops it).</summary>
    public Func<StreamConnection, string, IEnumerable<string>>? StreamLine { get; init; }

    /// <summary>Replaces the Content-Type of SSE responses.</summary>
    public string? StreamContentType { get; init; }

    /// <summary>True when the mutant alters the SSE stream (only the watcher check can see it).</summary>
    public bool TargetsStream => StreamLine is not null || StreamContentType is not null || Request is not null;

    /// <inheritdoc />
    public override string ToString() => Name;
}
