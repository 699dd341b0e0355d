namespace IsuBench.Bench.Reports;

/// <summary>
/// What every report names about the run's setting: the front end the checks expected, the server profile the target
/// named (two different things, docs/ARCHITECTURE.md "Glossary") and the isubench version that measured.
/// </summary>
internal static class RunIdentity
{
    /// <summary>
    /// The three as short phrases, in that order, e.g. "front end reference", "server profile tuned (server version 0.9.0)",
    /// "isubench 0.9.0";
    /// then, for a run merged from segments, how it was split (<see cref="Split"/>).
    /// </summary>
    public static IReadOnlyList<string> Parts(ResultDocument result) =>
        Split(result) is { } split
            ? [$"front end {result.Options.FrontEnd}", Server(result), $"isubench {result.BenchVersion}", split]
            : [$"front end {result.Options.FrontEnd}", Server(result), $"isubench {result.BenchVersion}"];

    /// <summary>"merged from 3 segments", "split into 2 processes on one machine", or null for a run of one process.</summary>
    public static string? Split(ResultDocument result) => (result.Options.Segments, result.Options.Processes) switch
    {
        (_, { } processes) => $"split into {processes} processes on one machine",
        ({ } segments, null) => $"merged from {segments} segments",
        _ => null,
    };

    /// <summary>The server profile and version as the target named them, or that it did not.</summary>
    public static string Server(ResultDocument result) => (result.ServerProfile, result.ServerVersion) switch
    {
        ({ } profile, { } version) => $"server profile {profile} (server version {version})",
        ({ } profile, null) => $"server profile {profile}",
        (null, { } version) => $"server profile not reported (server version {version})",
        (null, null) => "server profile not reported",
    };
}
