using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// The verdicts a caller adds to an answer that its phase's rules could read (<paramref name="value"/>), judged with them at once;
/// <paramref name="request"/> is the request as the evidence names it.
/// </summary>
internal delegate IEnumerable<Verdict> AddedRules<in T>(T value, SessionResponse response, string request);
