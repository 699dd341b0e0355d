namespace IsuBench.Scenarios.Workloads;

/// <summary>The Matsuri instances' counters at the end of a run.</summary>
public sealed record MatsuriSummary(
    long RoomsCreated, long StrokesPosted, long WatchersStarted, long WatchersLeftEarly, long WatchersRefused,
    long DeliveriesScored, long DeliveriesLate, long DeliveriesMismatched, long PeakOpenWatchers);
