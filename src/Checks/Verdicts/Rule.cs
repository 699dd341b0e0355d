namespace IsuBench.Checks.Verdicts;

/// <summary>One rule of correctness: a stable identifier, the message shown when it fails, and whether failing it fails the run.</summary>
public sealed record Rule(string Id, string Message, bool Critical)
{
    /// <summary>A passing verdict of this rule for the given request.</summary>
    public Verdict Pass(string request) => new(Id, true, Message, Critical, new Evidence(request, "", ""));

    /// <summary>A failing verdict of this rule with what was expected and what came back.</summary>
    public Verdict Fail(string request, string expected, string actual) =>
        new(Id, false, Message, Critical, new Evidence(request, Evidence.Shorten(expected), Evidence.Shorten(actual)));

    /// <summary>A verdict that passes when <paramref name="holds"/> is true; the evidence is kept either way, for the check command's report.</summary>
    public Verdict Check(bool holds, string request, string expected, string actual) =>
        new(Id, holds, Message, Critical, new Evidence(request, Evidence.Shorten(expected), Evidence.Shorten(actual)));
}
