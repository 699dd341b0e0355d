namespace IsuBench.Engine.Http;

/// <summary>Whether each session owns its connection pool or sessions share a few pools.</summary>
public enum TransportMode
{
    /// <summary>One handler (connection pool) per session, as the original benchmark.</summary>
    PerSession,

    /// <summary>A small pool of handlers shared by all sessions; cookies stay per session.</summary>
    SharedPool,

    /// <summary>
    /// Per session for https origins, as the original (each virtual user pays its own TLS handshakes and reuses only its own
    /// connections, its stream among them); the shared pool for http, where the original never ran and a connection costs little.
    /// </summary>
    Auto,
}
