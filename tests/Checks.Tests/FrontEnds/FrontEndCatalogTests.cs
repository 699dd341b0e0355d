using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;

namespace IsuBench.Tests.Checks.FrontEnds;

public class FrontEndCatalogTests
{
    private static readonly Dictionary<string, string> Shipped = new() { ["/bundle.js"] = "0123456789abcdef0123456789abcdef" };

    [Fact]
    public void Reference_checks_the_checksum_only_where_present_and_uses_the_shipped_manifest()
    {
        var frontEnd = FrontEndCatalog.Reference(Shipped);
        Assert.Equal(("reference", null, false), (frontEnd.Name, frontEnd.RequiredReactIdCount, frontEnd.ChecksumRequired));
        Assert.Equal("0123456789abcdef0123456789abcdef", frontEnd.ExpectedHashes["/bundle.js"]);
    }

    [Fact]
    public void Isucon6f_expects_the_original_front_end()
    {
        var frontEnd = FrontEndCatalog.Isucon6f();
        Assert.Equal(("isucon6f", 1525, true), (frontEnd.Name, frontEnd.RequiredReactIdCount, frontEnd.ChecksumRequired));
        Assert.Equal("78055c5c02a2dd66f6207fa19f7ca928", frontEnd.ExpectedHashes["/css/rc-color-picker.css"]);
        Assert.Equal("7375990d0f1f7d436a952314e3ac7fd0", frontEnd.ExpectedHashes["/css/sanitize.css"]);
        Assert.Equal("b1070be102c1f9d5aaace9300fe6f193", frontEnd.ExpectedHashes["/bundle.js"]);
        Assert.Equal(3, frontEnd.ExpectedHashes.Count);
    }

    [Fact]
    public void An_assets_manifest_replaces_the_expected_hashes_of_either_front_end()
    {
        Assert.True(AssetsManifest.TryParse("{\"/bundle.js\": \"A523EDFD9E3C4B7A4395517D3AF9E1F1\"}", out var manifest, out _));
        Assert.Equal("a523edfd9e3c4b7a4395517d3af9e1f1", FrontEndCatalog.Isucon6f(manifest).ExpectedHashes["/bundle.js"]);
        Assert.Single(FrontEndCatalog.Isucon6f(manifest).ExpectedHashes);
        Assert.Equal("a523edfd9e3c4b7a4395517d3af9e1f1", FrontEndCatalog.Reference(Shipped, manifest).ExpectedHashes["/bundle.js"]);
    }

    [Theory]
    [InlineData("[]", "the manifest must be a JSON object of path to MD5")]
    [InlineData("{\"bundle.js\": \"a523edfd9e3c4b7a4395517d3af9e1f1\"}", "entry \"bundle.js\" must map a path starting with / to a 32-digit hex MD5")]
    [InlineData("{\"/bundle.js\": \"xyz\"}", "entry \"/bundle.js\" must map a path starting with / to a 32-digit hex MD5")]
    [InlineData("{\"/bundle.js\": 5}", "entry \"/bundle.js\" must map a path starting with / to a 32-digit hex MD5")]
    public void A_malformed_manifest_is_refused(string json, string problem)
    {
        Assert.False(AssetsManifest.TryParse(json, out var manifest, out var actual));
        Assert.Null(manifest);
        Assert.Equal(problem, actual);
        Assert.False(AssetsManifest.TryParse("{", out _, out var invalid));
        Assert.StartsWith("the manifest is not valid JSON", invalid);
    }

    [Fact]
    public void Front_ends_are_found_by_name()
    {
        Assert.True(FrontEndCatalog.TryGet("isucon6f", Shipped, null, out var original));
        Assert.Equal(1525, original!.RequiredReactIdCount);
        Assert.True(FrontEndCatalog.TryGet("reference", Shipped, null, out var reference));
        Assert.Equal("reference", reference!.Name);
        Assert.False(FrontEndCatalog.TryGet("react", Shipped, null, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Static_file_paths_are_the_three_the_original_loaded()
    {
        Assert.Equal(["/css/rc-color-picker.css", "/css/sanitize.css", "/bundle.js"], StaticFilePaths.All);
    }

    [Fact]
    public void Rule_ids_are_unique_and_the_catalogue_finds_them()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.Same(StrokeRules.SubSecond, RuleCatalog.Find("strokes.sub-second"));
        Assert.Null(RuleCatalog.Find("nope"));
    }
}
