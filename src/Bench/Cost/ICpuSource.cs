namespace IsuBench.Bench.Cost;

/// <summary>Something whose CPU time the bench can read: a process, a cgroup, a metrics endpoint, the bench itself.</summary>
internal interface ICpuSource
{
    /// <summary>The name its figures carry, the same in every run so that runs pair up (e.g. <c>process isuketch</c>).</summary>
    string Name { get; }

    /// <summary>What it is: <c>pid</c>, <c>cgroup</c>, <c>metrics</c> or <c>bench</c>.</summary>
    string Kind { get; }

    /// <summary>Where it is read, for the reports: a pid, a path, a URL.</summary>
    string Detail { get; }

    /// <summary>The CPUs it may run on (<c>0-1,3</c>), or null when that cannot be known from here.</summary>
    string? Cpus { get; }

    /// <summary>True when it reads over the network (a request to the server under test), so it is read at the window's two moments only.</summary>
    bool Remote => false;

    /// <summary>
    /// True when what it measures runs on this machine, so that its CPU time is not counted as a neighbour's
    /// (<see cref="CrowdedMachine"/>): a process, a cgroup, the bench, a metrics endpoint on a loopback address.
    /// </summary>
    bool OnThisMachine => !Remote;

    /// <summary>The CPU time it has spent since it started.</summary>
    /// <exception cref="CpuSourceException">It cannot be read: gone, unreachable, or not what was expected.</exception>
    Task<TimeSpan> ReadAsync(CancellationToken cancellationToken);
}
