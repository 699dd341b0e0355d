namespace IsuBench.Checks.FrontEnds;

/// <summary>The two front ends the checks know: <c>reference</c> (default, the reference server's own) and <c>isucon6f</c> (the original React front end).</summary>
public static class FrontEndCatalog
{
    /// <summary>The name of the default front end, the reference server's.</summary>
    public const string ReferenceName = "reference";

    /// <summary>The name of the original front end.</summary>
    public const string Isucon6fName = "isucon6f";

    /// <summary>The number of <c>data-reactid</c> elements the original React top page had.</summary>
    public const int Isucon6fReactIdCount = 1525;

    /// <summary>The MD5s of the original front end's static files.</summary>
    public static readonly IReadOnlyDictionary<string, string> Isucon6fHashes = new Dictionary<string, string>
    {
        ["/css/rc-color-picker.css"] = "78055c5c02a2dd66f6207fa19f7ca928",
        ["/css/sanitize.css"] = "7375990d0f1f7d436a952314e3ac7fd0",
        ["/bundle.js"] = "b1070be102c1f9d5aaace9300fe6f193",
    };

    /// <summary>The reference's front end: checksum checked only where present, no element count, hashes from the reference's manifest (or the override).</summary>
    public static FrontEnd Reference(IReadOnlyDictionary<string, string> referenceManifest, IReadOnlyDictionary<string, string>? manifestOverride = null) =>
        new(ReferenceName, null, false, Normalize(manifestOverride ?? referenceManifest));

    /// <summary>The original front end: exactly 1525 <c>data-reactid</c> elements, checksum required, the original MD5s (or the override).</summary>
    public static FrontEnd Isucon6f(IReadOnlyDictionary<string, string>? manifestOverride = null) =>
        new(Isucon6fName, Isucon6fReactIdCount, true, Normalize(manifestOverride ?? Isucon6fHashes));

    /// <summary>The front end called <paramref name="name"/>; false for an unknown name.</summary>
    public static bool TryGet(string name, IReadOnlyDictionary<string, string> referenceManifest, IReadOnlyDictionary<string, string>? manifestOverride, out FrontEnd? frontEnd)
    {
        frontEnd = name switch
        {
            ReferenceName => Reference(referenceManifest, manifestOverride),
            Isucon6fName => Isucon6f(manifestOverride),
            _ => null,
        };
        return frontEnd is not null;
    }

    // Hex digests compare case-insensitively: a manifest written by another tool may use upper case.
    private static IReadOnlyDictionary<string, string> Normalize(IReadOnlyDictionary<string, string> hashes) =>
        hashes.ToDictionary(p => p.Key, p => p.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal);
}
