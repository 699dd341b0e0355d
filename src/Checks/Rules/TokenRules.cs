using IsuBench.Checks.Documents;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about CSRF tokens: present on every page, fresh on every page.</summary>
public static class TokenRules
{
    /// <summary>The page carries a token in <c>&lt;html data-csrf-token&gt;</c>.</summary>
    public static readonly Rule Present = new("tokens.present", "Could not get the CSRF token from the page", false) { NamesActual = true };

    /// <summary>Two sessions loading <c>/</c> get different tokens.</summary>
    public static readonly Rule Refreshed = new("tokens.refreshed", "The CSRF token is reused across pages", true);

    /// <summary>Reads the page's token; fails when the attribute is missing or empty.</summary>
    public static Parsed<string> ReadPageToken(HtmlDocument page, string request) => ReadPageToken(page.CsrfToken, request);

    /// <summary>Judges a token read from a page (<see cref="HtmlDocument.ReadCsrfToken"/>); fails when it is missing or empty.</summary>
    public static Parsed<string> ReadPageToken(string? token, string request)
    {
        return string.IsNullOrEmpty(token)
            ? Parsed<string>.Failure(Present.Fail(request, "<html data-csrf-token=\"...\"> with a token", token is null ? "no data-csrf-token attribute" : "an empty data-csrf-token"))
            : Parsed<string>.Success(token, Present.Pass(request));
    }

    /// <summary>The tokens two sessions got from <c>/</c> must differ.</summary>
    public static Verdict TokensDiffer(string first, string second, string request) =>
        Refreshed.Check(!string.Equals(first, second, StringComparison.Ordinal), request, "two different tokens", $"both \"{first}\"");
}
