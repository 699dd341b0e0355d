namespace IsuBench.Engine.Http;

/// <summary>How sessions talk HTTP: user agent, request timeout, and whether connection pools are shared.</summary>
public sealed record SessionOptions
{
    /// <summary>The User-Agent header (the original benchmark sent "benchmarker").</summary>
    public string UserAgent { get; init; } = "benchmarker";

    /// <summary>Whole-request timeout for ordinary requests (streams have none).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest response body read; a larger one is a failure, not unbounded buffering.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Per-session handlers (as the original), a shared pool of handlers, or per session for https only (the default).</summary>
    public TransportMode Transport { get; init; } = TransportMode.Auto;

    /// <summary>Handlers in the shared pool.</summary>
    public int SharedPoolSize { get; init; } = 8;

    /// <summary>Which TLS stack carries https connections (<c>--tls</c>).</summary>
    public TlsStackChoice Tls { get; init; } = TlsStackChoice.Auto;

    /// <summary>The run's TLS connector, set by <see cref="SessionFactory"/>; sessions made without one use an unrecorded one.</summary>
    internal TlsConnector? Connector { get; init; }
}
