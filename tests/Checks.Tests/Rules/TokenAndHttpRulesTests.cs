using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class TokenAndHttpRulesTests
{
    private const string Request = "GET /";

    [Fact]
    public void Different_tokens_pass_and_a_reused_token_is_critical()
    {
        VerdictAssert.Passed(TokenRules.TokensDiffer("a", "b", Request), "tokens.refreshed");
        var verdict = TokenRules.TokensDiffer("same", "same", Request);
        VerdictAssert.Failed(verdict, "tokens.refreshed", "The CSRF token is reused across pages", critical: true);
        Assert.Equal("both \"same\"", verdict.Evidence.Actual);
        Assert.Equal(Request, verdict.Evidence.Request);
    }

    [Fact]
    public void The_page_token_is_read_from_the_html_attribute()
    {
        var read = TokenRules.ReadPageToken(HtmlDocument.Parse("<html data-csrf-token=\"t1\"><body></body></html>"), Request);
        Assert.True(read.Ok);
        Assert.Equal("t1", read.Value);
        foreach (var html in new[] { "<html><body></body></html>", "<html data-csrf-token=\"\"><body></body></html>" })
        {
            var missing = TokenRules.ReadPageToken(HtmlDocument.Parse(html), Request);
            Assert.False(missing.Ok);
            VerdictAssert.Failed(missing.Verdict, "tokens.present", "Could not get the CSRF token from the page", critical: false);
        }
    }

    [Fact]
    public void Unexpected_status_is_an_ordinary_error()
    {
        var passed = HttpRules.StatusIs(200, 200, Request);
        VerdictAssert.Passed(passed, "http.status");
        Assert.Equal(new IsuBench.Checks.Verdicts.Evidence(Request, "status 200", "status 200"), passed.Evidence);
        Assert.Equal("PASS http.status [GET /]", passed.ToString());
        var verdict = HttpRules.StatusIs(200, 502, Request);
        VerdictAssert.Failed(verdict, "http.status", "The response has an unexpected status code", critical: false);
        Assert.Equal(("status 200", "status 502"), (verdict.Evidence.Expected, verdict.Evidence.Actual));
        Assert.Equal("FAIL http.status: The response has an unexpected status code [GET /] expected: status 200; got: status 502", verdict.ToString());
    }
}
