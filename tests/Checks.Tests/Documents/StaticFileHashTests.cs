using System.Text;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Tests.Checks.Documents;

public class StaticFileHashTests
{
    [Fact]
    public void Is_lower_case_hex_md5()
    {
        // RFC 1321's test suite: MD5("abc").
        Assert.Equal("900150983cd24fb0d6963f7d28e17f72", StaticFileHash.Md5Hex(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Evidence_is_shortened_without_splitting_surrogate_pairs()
    {
        Assert.Equal("short", Evidence.Shorten("short"));
        var text = new string('a', Evidence.MaxLength - 1) + "😀" + new string('b', 50);
        var shortened = Evidence.Shorten(text);
        Assert.Equal(new string('a', Evidence.MaxLength - 1) + "… (52 more characters)", shortened);
    }
}
