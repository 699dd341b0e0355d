using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace IsuBench.Reference.Rendering;

/// <summary>The document frame every HTML page shares: doctype, CSRF token on &lt;html&gt;, styles and the client script.</summary>
internal static class PageShell
{
    /// <summary>The media type of every rendered page.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    // Keeps non-ASCII room names readable in the source while still escaping markup characters.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text for element content or a double-quoted attribute value.</summary>
    public static string Escape(string text) => Encoder.Encode(text);

    /// <summary>
    /// A whole page. <paramref name="asyncPropsJson"/>, when given, becomes the first script of the body as
    /// <c>__ASYNC_PROPS__ = &lt;json&gt;</c> with nothing else in it, the form readers of the top page parse.
    /// </summary>
    public static string Render(string title, string csrfToken, string pageName, string? asyncPropsJson, string bodyHtml)
    {
        var output = new StringBuilder(2048 + bodyHtml.Length + (asyncPropsJson?.Length ?? 0));
        output.Append("<!DOCTYPE html>\n");
        output.Append("<html lang=\"ja\" data-csrf-token=\"").Append(Escape(csrfToken)).Append("\">\n");
        output.Append("<head>\n");
        output.Append("<meta charset=\"utf-8\">\n");
        output.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Append("<title>").Append(Escape(title)).Append("</title>\n");
        output.Append("<link rel=\"icon\" href=\"/favicon.ico\">\n");
        output.Append("<link rel=\"stylesheet\" href=\"/css/sanitize.css\">\n");
        output.Append("<link rel=\"stylesheet\" href=\"/css/rc-color-picker.css\">\n");
        output.Append("<script src=\"/bundle.js\" defer></script>\n");
        output.Append("</head>\n");
        output.Append("<body data-page=\"").Append(Escape(pageName)).Append("\">\n");
        if (asyncPropsJson is not null)
        {
            // The JSON comes from ApiJson.Options, whose encoder escapes '<', '>' and '&',
            // so no string in it can close this script element.
            output.Append("<script>__ASYNC_PROPS__ = ").Append(asyncPropsJson).Append("</script>\n");
        }
        output.Append(bodyHtml);
        output.Append("</body>\n</html>\n");
        return output.ToString();
    }
}
