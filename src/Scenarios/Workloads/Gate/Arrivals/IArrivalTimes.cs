namespace IsuBench.Scenarios.Workloads.Gate.Arrivals;

/// <summary>When the arrivals of an open-model schedule are due: offsets from its start, in order, the same every run.</summary>
internal interface IArrivalTimes
{
    /// <summary>The due offsets, ascending; the schedule reads them until one lies past its length.</summary>
    IEnumerable<TimeSpan> Offsets();
}
