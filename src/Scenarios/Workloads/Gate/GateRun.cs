using IsuBench.Engine.Execution;

namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>How the gate workload ran: its schedules as the reports show any load (arrivals started, arrivals dropped), the rooms and watchers, and the figures a gate compares.</summary>
internal sealed record GateRun(LoadRunResult Run, MatsuriSummary Matsuri, IReadOnlyDictionary<string, GateFigure> Figures);
