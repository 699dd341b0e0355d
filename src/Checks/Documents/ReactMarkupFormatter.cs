using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace IsuBench.Checks.Documents;

/// <summary>
/// Writes parsed HTML back the way React 15's server renderer wrote it, so the checksum is computed over React's own markup:
/// void elements as <c>&lt;img .../&gt;</c>, and <c>&amp; &lt; &gt; " '</c> escaped as React's escapeTextContentForBrowser does.
/// </summary>
internal sealed class ReactMarkupFormatter : HtmlMarkupFormatter
{
    private static readonly ReactMarkupFormatter React = new();

    // React 15's omittedCloseTags.
    private static readonly HashSet<string> VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>The children of <paramref name="element"/> as React would have written them.</summary>
    public static string InnerMarkup(IElement element) =>
        string.Concat(element.ChildNodes.Select(node => node.ToHtml(React)));

    public override string Text(ICharacterData text) =>
        text.Parent is IElement { LocalName: "script" or "style" } ? text.Data : Escape(text.Data);

    public override string OpenTag(IElement element, bool selfClosing)
    {
        var markup = new StringBuilder().Append('<').Append(element.LocalName);
        foreach (var attribute in element.Attributes)
            markup.Append(' ').Append(attribute.Name).Append("=\"").Append(Escape(attribute.Value)).Append('"');
        return markup.Append(IsVoid(element) ? "/>" : ">").ToString();
    }

    public override string CloseTag(IElement element, bool selfClosing) =>
        IsVoid(element) ? "" : "</" + element.LocalName + ">";

    private static bool IsVoid(IElement element) =>
        element.NamespaceUri == "http://www.w3.org/1999/xhtml" && VoidElements.Contains(element.LocalName);

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
