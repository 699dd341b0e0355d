namespace IsuBench.Scenarios.Run;

/// <summary>Where a benchmark run is, for live progress.</summary>
public enum BenchmarkPhase
{
    /// <summary>Not started yet.</summary>
    Starting,

    /// <summary>Phase 1: the initial (conformance) check.</summary>
    InitialCheck,

    /// <summary>A segment waits: for the initial check of segment 1, or for <c>--start-at</c>.</summary>
    Waiting,

    /// <summary>Phase 2: the load workloads.</summary>
    Load,

    /// <summary>Finished (passed, failed or interrupted).</summary>
    Done,
}
