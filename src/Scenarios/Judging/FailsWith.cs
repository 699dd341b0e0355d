using IsuBench.Checks.Verdicts;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// The verdict a caller adds when a request it cannot go on without failed: its own rule failing with it, or its step stopped
/// there. Given the request as the evidence names it, what was expected and what came back.
/// </summary>
internal delegate Verdict FailsWith(string request, string expected, string actual);
