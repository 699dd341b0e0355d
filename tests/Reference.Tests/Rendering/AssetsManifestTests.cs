using System.Security.Cryptography;
using System.Text.Json;
using IsuBench.Reference.Endpoints;

namespace IsuBench.Tests.Reference.Rendering;

/// <summary>The shipped manifest must name every static file with the MD5 of the bytes actually served.</summary>
public sealed class AssetsManifestTests
{
    private static Dictionary<string, string> ReadManifest()
    {
        var file = StaticAssets.FileProvider.GetFileInfo(StaticAssets.ManifestPath);
        Assert.True(file.Exists, "wwwroot/assets-manifest.json is not embedded");
        using var stream = file.CreateReadStream();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    [Fact]
    public void Manifest_lists_the_files_the_contract_names()
    {
        Assert.Equal(
            ["/bundle.js", "/css/rc-color-picker.css", "/css/sanitize.css", "/favicon.ico"],
            ReadManifest().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_hash_matches_the_embedded_file()
    {
        var actual = ReadManifest().Keys.ToDictionary(path => path, path =>
        {
            var file = StaticAssets.FileProvider.GetFileInfo(path);
            Assert.True(file.Exists, $"{path} is in the manifest but not embedded");
            using var stream = file.CreateReadStream();
            return Convert.ToHexStringLower(MD5.HashData(stream));
        });

        // On a mismatch, run scripts/update-assets-manifest.sh after changing a static file.
        Assert.Equal(actual, ReadManifest());
    }

    [Fact]
    public void Nothing_is_embedded_that_the_manifest_leaves_out()
    {
        const string prefix = "IsuBench.Reference.wwwroot.";
        var embedded = typeof(StaticAssets).Assembly.GetManifestResourceNames().Count(n => n.StartsWith(prefix, StringComparison.Ordinal));

        Assert.Equal(ReadManifest().Count + 1, embedded); // +1: the manifest itself
    }
}
