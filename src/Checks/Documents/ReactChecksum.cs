using System.Globalization;
using System.Text;

namespace IsuBench.Checks.Documents;

/// <summary>React 15's server-rendering checksum: its variant of Adler-32 (no byte encoding; each character's number added as is, mod 65521).</summary>
internal static class ReactChecksum
{
    private const int Mod = 65521;

    /// <summary>The markup React summed: the root element's opening tag, its inner HTML and its closing tag.</summary>
    public static string RootMarkup(string innerHtml) => "<div data-reactroot=\"\" data-reactid=\"1\">" + innerHtml + "</div>";

    /// <summary>
    /// Adler-32 over the Unicode code points of <paramref name="text"/>, as the specification and the original benchmark define it.
    /// React's adler32.js sums UTF-16 code units instead; the two agree on every text without characters outside the BMP.
    /// The result is the signed 32-bit value <c>a | b &lt;&lt; 16</c>, as JavaScript's bit operators produce.
    /// </summary>
    public static int Adler32(string text)
    {
        long a = 1, b = 0;
        var sinceReduce = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            a += rune.Value;
            b += a;
            // Reduce often enough that b cannot overflow even with the largest code points.
            if (++sinceReduce == 4096)
            {
                a %= Mod;
                b %= Mod;
                sinceReduce = 0;
            }
        }
        a %= Mod;
        b %= Mod;
        return unchecked((int)(a | (b << 16)));
    }

    /// <summary>The checksum as React wrote it into <c>data-react-checksum</c> for a root with <paramref name="innerHtml"/>.</summary>
    public static string ForRoot(string innerHtml) => Adler32(RootMarkup(innerHtml)).ToString(CultureInfo.InvariantCulture);
}
