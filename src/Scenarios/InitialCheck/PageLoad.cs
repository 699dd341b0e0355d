using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>An HTML page loaded by a check, with its CSRF token when one was needed; <see cref="Page"/> is set only when <see cref="Ok"/>.</summary>
internal sealed record PageLoad(SessionResponse Response, HtmlDocument? Page, string? Token)
{
    /// <summary>True when the page came back 200 (with a token, when one was needed).</summary>
    public bool Ok => Page is not null;

    /// <summary>
    /// Awaits the page <paramref name="request"/>, checks status 200 and, when <paramref name="needsToken"/>, reads the page's token. When that fails
    /// the response is judged: the failure is an ordinary error, as in the original, and the step stops; <paramref name="blocked"/> names
    /// the critical rule that fails with it where the original made the step's failure critical, else the step is only reported
    /// incomplete (<see cref="CompletionRules"/>). Otherwise the caller judges the response, adding <see cref="PageVerdicts"/>.
    /// </summary>
    public static async Task<PageLoad> GetAsync(CheckContext context, Task<SessionResponse> request, bool needsToken, Rule? blocked = null)
    {
        var response = await request;
        var label = $"GET {response.Uri.AbsolutePath}";
        if (!response.Is(200))
        {
            context.Judge(response,
                ResponseText.StatusFailure(HttpRules.Status, response, 200, label),
                Blocked(context, blocked, label, "the page (status 200)", ResponseText.Describe(response)));
            return new PageLoad(response, null, null);
        }
        var page = HtmlDocument.Parse(response.Text);
        var status = HttpRules.StatusIs(200, response.Status, label);
        if (!needsToken) return new PageLoad(response, page, null) { PageVerdicts = [status] };
        var token = TokenRules.ReadPageToken(page, label);
        if (!token.Ok)
        {
            context.Judge(response, token.Verdict, Blocked(context, blocked, label, "a page with a CSRF token", token.Verdict.Evidence.Actual));
            return new PageLoad(response, null, null);
        }
        return new PageLoad(response, page, token.Value) { PageVerdicts = [status, token.Verdict] };
    }

    /// <summary>The passed verdicts of loading the page (status and token), for the caller to judge with its own.</summary>
    public IReadOnlyList<Verdict> PageVerdicts { get; private init; } = [];

    private static Verdict Blocked(CheckContext context, Rule? blocked, string request, string expected, string actual) =>
        blocked?.Fail(request, expected, actual) ?? context.Stopped(request, actual);
}
