using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.Judging;

/// <summary>How a response reads in evidence: its body, or why there was none.</summary>
internal static class ResponseText
{
    /// <summary>The body text, or the failure message when no usable response arrived (so the rules' evidence says "timed out" rather than "status 0").</summary>
    public static string Body(SessionResponse response) =>
        response.Failure == FailureKind.None ? response.Text : response.FailureMessage ?? response.Failure.ToString();

    /// <summary>"status N: body" or the failure message.</summary>
    public static string Describe(SessionResponse response) =>
        response.Failure == FailureKind.None ? $"status {response.Status}: {Evidence.Shorten(response.Text)}" : Body(response);

    /// <summary>A failed verdict of <paramref name="rule"/> for a response that did not come back with <paramref name="expectedStatus"/>.</summary>
    public static Verdict StatusFailure(Rule rule, SessionResponse response, int expectedStatus, string request) =>
        rule.Fail(request, $"status {expectedStatus}", Describe(response));
}
