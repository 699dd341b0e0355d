using System.Text;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class StaticFileRulesTests
{
    // MD5("abc") from RFC 1321's test suite.
    private static readonly byte[] Abc = Encoding.ASCII.GetBytes("abc");
    private static readonly FrontEnd Reference = FrontEndCatalog.Reference(new Dictionary<string, string> { ["/bundle.js"] = "900150983CD24FB0D6963F7D28E17F72" });

    [Fact]
    public void A_file_with_the_expected_hash_passes_and_unlisted_files_need_only_200()
    {
        VerdictAssert.Passed(StaticFileRules.HashMatches("/bundle.js", 200, Abc, Reference, "GET /bundle.js"), "static.hash");
        VerdictAssert.Passed(StaticFileRules.HashMatches("/favicon.ico", 200, [1, 2, 3], Reference, "GET /favicon.ico"), "static.hash");
    }

    [Fact]
    public void A_changed_file_is_critical()
    {
        var verdict = StaticFileRules.HashMatches("/bundle.js", 200, Encoding.ASCII.GetBytes("abd"), Reference, "GET /bundle.js");
        VerdictAssert.Failed(verdict, "static.hash", "A static file is not correct", critical: true);
        Assert.Equal("/bundle.js with md5 900150983cd24fb0d6963f7d28e17f72", verdict.Evidence.Expected);
    }

    [Fact]
    public void A_missing_file_is_critical()
    {
        VerdictAssert.Failed(StaticFileRules.HashMatches("/favicon.ico", 404, [], Reference, "GET /favicon.ico"),
            "static.hash", "A static file is not correct", critical: true);
    }
}
