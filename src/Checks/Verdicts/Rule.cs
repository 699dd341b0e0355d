namespace IsuBench.Checks.Verdicts;

/// <summary>One rule of correctness: a stable identifier, the message shown when it fails, and whether failing it fails the run.</summary>
/// <remarks>
/// Most rules restate what the original ISUCON6-final benchmark enforced (docs/fidelity.md gives each its source). A rule marked
/// <see cref="Addition"/> is IsuBench's own: the original never checked it, so an original application may fail it; outside
/// <c>--strict</c> its failure is only a warning, and <see cref="Critical"/> says what it is under <c>--strict</c>.
/// </remarks>
public sealed record Rule(string Id, string Message, bool Critical)
{
    /// <summary>True for a rule the original benchmark did not enforce (docs/fidelity.md says why it exists).</summary>
    public bool Addition { get; init; }

    /// <summary>True when the error message names what came back (a status, a count): short values that repeat, so messages still merge.</summary>
    public bool NamesActual { get; init; }

    /// <summary>A passing verdict of this rule for the given request.</summary>
    public Verdict Pass(string request) => new(Id, true, Message, Critical, new Evidence(request, "", "")) { Addition = Addition, NamesActual = NamesActual };

    /// <summary>A failing verdict of this rule with what was expected and what came back.</summary>
    public Verdict Fail(string request, string expected, string actual) =>
        new(Id, false, Message, Critical, new Evidence(request, Evidence.Shorten(expected), Evidence.Shorten(actual))) { Addition = Addition, NamesActual = NamesActual };

    /// <summary>A verdict that passes when <paramref name="holds"/> is true; the evidence is kept either way, for the check command's report.</summary>
    public Verdict Check(bool holds, string request, string expected, string actual) =>
        new(Id, holds, Message, Critical, new Evidence(request, Evidence.Shorten(expected), Evidence.Shorten(actual))) { Addition = Addition, NamesActual = NamesActual };
}
