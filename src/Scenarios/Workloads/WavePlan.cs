namespace IsuBench.Scenarios.Workloads;

/// <summary>When a Matsuri instance's waves join (<see cref="Waves"/>) and when its watchers all leave (<see cref="LeaveAt"/>), from its start.</summary>
internal sealed record WavePlan(IReadOnlyList<TimeSpan> Waves, TimeSpan LeaveAt);
