namespace IsuBench.Scenarios.Run;

/// <summary>What the load phase sends: ISUCON's workloads (the score) or the gate workload (figures for a regression gate).</summary>
public enum LoadWorkload
{
    /// <summary>ISUCON6-final's Matsuri, LoadIndexPage and DrawOnRandomRoom: load that grows with success, scored as the contest did.</summary>
    Isucon,

    /// <summary>A fixed, seeded schedule (<see cref="Workloads.Gate.GateWorkload"/>): the same load for every build, measured after a warm-up.</summary>
    Gate,
}
