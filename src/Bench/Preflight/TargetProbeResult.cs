namespace IsuBench.Bench.Preflight;

/// <summary>What the probe of the targets found.</summary>
/// <param name="Unreachable">One line per target that did not answer; empty when all did.</param>
/// <param name="Server">What the answers said of the server: its profile and version, when it says.</param>
public sealed record TargetProbeResult(IReadOnlyList<string> Unreachable, ServerIdentity Server);
