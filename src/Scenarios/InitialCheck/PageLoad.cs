using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>An HTML page loaded by a check, with its CSRF token; <see cref="Page"/> and <see cref="Token"/> are set only when <see cref="Ok"/>.</summary>
internal sealed record PageLoad(SessionResponse Response, HtmlDocument? Page, string? Token)
{
    /// <summary>True when the page came back 200 with a token.</summary>
    public bool Ok => Page is not null && Token is not null;

    /// <summary>
    /// GETs <paramref name="path"/>, checks status 200 and reads the page's token. When either fails, <paramref name="blocked"/>
    /// (the critical rule of the step that needed the page) fails too, and the response is judged; otherwise the caller judges it
    /// (the page usually has more rules to pass), adding <see cref="PageVerdicts"/>.
    /// </summary>
    public static async Task<PageLoad> GetAsync(CheckContext context, Session session, string path, string endpoint, Rule blocked, CancellationToken cancellationToken)
    {
        var request = $"GET {path}";
        var response = await session.GetAsync(path, endpoint, cancellationToken);
        if (!response.Is(200))
        {
            context.Judge(session, response,
                ResponseText.StatusFailure(HttpRules.Status, response, 200, request),
                blocked.Fail(request, "the page (status 200)", ResponseText.Describe(response)));
            return new PageLoad(response, null, null);
        }
        var page = HtmlDocument.Parse(response.Text);
        var token = TokenRules.ReadPageToken(page, request);
        if (!token.Ok)
        {
            context.Judge(session, response, token.Verdict, blocked.Fail(request, "a page with a CSRF token", token.Verdict.Evidence.Actual));
            return new PageLoad(response, null, null);
        }
        return new PageLoad(response, page, token.Value) { PageVerdicts = [HttpRules.StatusIs(200, response.Status, request), token.Verdict] };
    }

    /// <summary>The passed verdicts of loading the page (status and token), for the caller to judge with its own.</summary>
    public IReadOnlyList<Verdict> PageVerdicts { get; private init; } = [];
}
