using IsuBench.Checks.Documents;

namespace IsuBench.Tests.Checks.Documents;

/// <summary><see cref="HtmlDocument.ReadCsrfToken"/> reads from a prefix of the page: it must agree with a parse of the whole page.</summary>
public class CsrfTokenPrefixTests
{
    private const string Canvas = "<body><div id=\"canvas\"><svg><polyline id=\"1\" points=\"1,2 3,4\"></polyline></svg></div></body></html>";

    [Theory]
    [InlineData("<!DOCTYPE html><html data-csrf-token=\"t1\"><head></head>" + Canvas, "t1")]
    [InlineData("<!DOCTYPE html><HTML lang=ja DATA-CSRF-TOKEN='t2'>" + Canvas, "t2")]
    [InlineData("<!-- <html data-csrf-token=\"fake\"> --><html data-csrf-token=\"real\">" + Canvas, "real")]
    [InlineData("<html data-x=\"a>b\" data-csrf-token=\"after-a-quoted-gt\">" + Canvas, "after-a-quoted-gt")]
    [InlineData("<html lang=\"ja\">" + "<body><html data-csrf-token=\"from-a-later-tag\"></body></html>", "from-a-later-tag")]
    [InlineData("<html data-csrf-token=\"first\"><body><html data-csrf-token=\"second\"></body></html>", "first")]
    [InlineData("<p>before</p><html data-csrf-token=\"implied-html-gets-it\">" + Canvas, "implied-html-gets-it")]
    [InlineData("<html data-csrf-token=\"\">" + Canvas, "")]
    [InlineData("<htmlx data-csrf-token=\"not-html\">" + Canvas, null)]
    [InlineData("<title><html data-csrf-token=\"in-title\"></title>" + Canvas, null)]
    [InlineData("<html data-csrf-token=\"cut", null)]
    [InlineData("no markup at all", null)]
    public void Agrees_with_a_parse_of_the_whole_page(string html, string? expected)
    {
        Assert.Equal(expected, HtmlDocument.Parse(html).CsrfToken);
        Assert.Equal(expected, HtmlDocument.ReadCsrfToken(html));
    }

    [Fact]
    public void Agrees_with_a_parse_of_the_whole_page_on_seeded_random_pages()
    {
        string[] pieces =
        [
            "<html data-csrf-token=\"a\">", "<HTML data-csrf-token='b'>", "<html>", "<html lang=ja>", "<!--", "-->", "\"", "'", ">",
            "<script>", "</script>", "<textarea>", "</textarea>", "<p>", "<html data-x=\"", "<html\n", "data-csrf-token=c ", "</html>",
        ];
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var html = "<!DOCTYPE html>" + Canvas;
            for (var n = random.Next(1, 6); n > 0; n--)
                html = html.Insert(random.Next(html.Length + 1), pieces[random.Next(pieces.Length)]);
            Assert.True(HtmlDocument.Parse(html).CsrfToken == HtmlDocument.ReadCsrfToken(html), html);
        }
    }
}
