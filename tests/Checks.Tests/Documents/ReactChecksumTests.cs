using IsuBench.Checks.Documents;

namespace IsuBench.Tests.Checks.Documents;

public class ReactChecksumTests
{
    // Expected values were computed independently with Node.js 20 running React 15's adler32.js algorithm
    // (a = 1, b = 0; for each charCodeAt: a += c, b += a; both mod 65521 every 4096 characters and at the end;
    // result a | b << 16 as a signed 32-bit integer), not with this code.
    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 6422626)]
    [InlineData("ひたすら椅子を描く部屋【1】", 774740075)]
    [InlineData("<div data-reactroot=\"\" data-reactid=\"1\">café — naïve ÄÖÜ</div>", -736545040)]
    public void Matches_values_computed_by_React_15_algorithm(string text, int expected) =>
        Assert.Equal(expected, ReactChecksum.Adler32(text));

    [Fact]
    public void Long_non_ascii_text_crosses_the_4096_character_reduction_blocks()
    {
        // Node.js, same algorithm: "椅子".repeat(3000) + "x" gives -2098771100.
        Assert.Equal(-2098771100, ReactChecksum.Adler32(string.Concat(Enumerable.Repeat("椅子", 3000)) + "x"));
    }

    [Fact]
    public void Characters_outside_the_BMP_are_summed_as_code_points_as_the_specification_says()
    {
        // Node.js: over code points (Array.from + codePointAt) "chair 🪑 and 😀" gives -304286631;
        // React's own charCodeAt loop (UTF-16 code units) would give 1089892564.
        Assert.Equal(-304286631, ReactChecksum.Adler32("chair 🪑 and 😀"));
        Assert.NotEqual(1089892564, ReactChecksum.Adler32("chair 🪑 and 😀"));
    }

    [Fact]
    public void ForRoot_wraps_the_inner_html_in_the_React_root_and_formats_the_signed_value()
    {
        Assert.Equal("-736545040", ReactChecksum.ForRoot("café — naïve ÄÖÜ"));
    }
}
