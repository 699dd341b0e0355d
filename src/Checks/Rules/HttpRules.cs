using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about any response: the status code.</summary>
public static class HttpRules
{
    /// <summary>The response has the status the request expects (a request scores only when this passes).</summary>
    public static readonly Rule Status = new("http.status", "The response has an unexpected status code", false) { NamesActual = true };

    /// <summary>Checks <paramref name="actual"/> against <paramref name="expected"/>.</summary>
    public static Verdict StatusIs(int expected, int actual, string request) =>
        Status.Check(expected == actual, request, $"status {expected}", $"status {actual}");
}
