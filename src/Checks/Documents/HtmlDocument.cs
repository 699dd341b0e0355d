using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IsuBench.Checks.Documents;

/// <summary>An ISUketch HTML page parsed with AngleSharp, exposing what the rules look at.</summary>
public sealed class HtmlDocument
{
    private static readonly HtmlParser Parser = new();
    private readonly IDocument _document;

    private HtmlDocument(IDocument document) => _document = document;

    /// <summary>Parses <paramref name="html"/> as a browser would (never fails: HTML parsing is error-tolerant).</summary>
    public static HtmlDocument Parse(string html) => new(Parser.ParseDocument(html));

    /// <summary>The <c>data-csrf-token</c> attribute of <c>&lt;html&gt;</c>, or null when absent.</summary>
    public string? CsrfToken => _document.DocumentElement.GetAttribute("data-csrf-token");

    /// <summary>
    /// The <c>data-csrf-token</c> of <c>&lt;html&gt;</c> exactly as <see cref="Parse"/> would read it, from as little of the page
    /// as decides it: a watcher needs only the token of a room page that holds every stroke of the room.
    /// </summary>
    public static string? ReadCsrfToken(string html)
    {
        // The HTML Standard sets the html element's attributes from the first <html> start tag, and a later <html> tag
        // ("in body" insertion mode) only adds attributes the element lacks: once present, the token never changes. Parsing
        // is sequential, so a prefix that ends with the first "<html ...>" builds the same element as the whole page does up
        // to there. A token found in that prefix is the page's token; a prefix without one (the tag was in a comment, a '>'
        // was inside a quoted value, the token comes later) leaves the question to the whole page.
        var end = EndOfFirstHtmlTag(html);
        if (end > 0 && Parse(html[..end]).CsrfToken is { } token) return token;
        return Parse(html).CsrfToken;
    }

    private static int EndOfFirstHtmlTag(string html)
    {
        for (var at = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase); at >= 0;
             at = html.IndexOf("<html", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + 5 < html.Length ? html[at + 5] : '\0';
            if (next is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')
            {
                var close = html.IndexOf('>', at + 5);
                return close < 0 ? -1 : close + 1;
            }
        }
        return -1;
    }

    /// <summary>The <c>src</c> of every <c>&lt;img&gt;</c> that has one, in document order.</summary>
    public IReadOnlyList<string> ImageSources =>
        _document.QuerySelectorAll("img").Select(e => e.GetAttribute("src")).OfType<string>().ToList();

    /// <summary>Every <c>.room</c> element with its id and the text of its first <c>.stroke_count</c>.</summary>
    public IReadOnlyList<TopPageRoom> Rooms =>
        _document.QuerySelectorAll(".room")
            .Select(e => new TopPageRoom(e.GetAttribute("id"), e.QuerySelector(".stroke_count")?.TextContent))
            .ToList();

    /// <summary>The text of the first <c>&lt;script&gt;</c> in <c>&lt;body&gt;</c>, or null when there is none.</summary>
    public string? FirstBodyScript => _document.QuerySelector("body script")?.TextContent;

    /// <summary>How many elements carry a <c>data-reactid</c> attribute.</summary>
    public int ReactIdCount => _document.QuerySelectorAll("[data-reactid]").Length;

    /// <summary>The first element with <c>data-react-checksum</c>, or null when there is none.</summary>
    public ReactRoot? ReactRoot
    {
        get
        {
            var element = _document.QuerySelector("[data-react-checksum]");
            return element is null ? null : new ReactRoot(element.GetAttribute("data-react-checksum") ?? "", ReactMarkupFormatter.InnerMarkup(element));
        }
    }

    /// <summary>How many <c>polyline</c> elements with an <c>id</c> attribute the page holds (the room page's canvas).</summary>
    public int PolylineWithIdCount => _document.QuerySelectorAll("polyline[id]").Length;
}
