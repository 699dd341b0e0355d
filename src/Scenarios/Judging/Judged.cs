using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// A request of <see cref="JudgedRequests"/> after its one verdict: the response, what was read from it (null when the reading
/// failed), and whether the judge passed it (read, and no rule but warnings failed).
/// </summary>
internal sealed record Judged<T>(SessionResponse Response, T? Value, bool Passed) where T : class;
