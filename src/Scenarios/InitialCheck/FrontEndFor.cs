using IsuBench.Checks.FrontEnds;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>The <see cref="FrontEnd"/> the options ask for.</summary>
internal static class FrontEndFor
{
    /// <summary>The front end named in <paramref name="options"/>, with the target's <paramref name="referenceManifest"/> (used only by <c>reference</c> without an override).</summary>
    public static FrontEnd Options(InitialCheckOptions options, IReadOnlyDictionary<string, string> referenceManifest) =>
        FrontEndCatalog.TryGet(options.FrontEnd, referenceManifest, options.AssetsManifestOverride, out var frontEnd)
            ? frontEnd!
            : throw new ArgumentException($"unknown front end '{options.FrontEnd}': use {FrontEndCatalog.ReferenceName} or {FrontEndCatalog.Isucon6fName}", nameof(options));
}
