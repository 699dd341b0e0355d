namespace IsuBench.Scenarios.Engine;

/// <summary>Whether each session owns its connection pool or sessions share a few pools.</summary>
public enum TransportMode
{
    /// <summary>One handler (connection pool) per session, as the original benchmark.</summary>
    PerSession,

    /// <summary>A small pool of handlers shared by all sessions; cookies stay per session.</summary>
    SharedPool,
}
