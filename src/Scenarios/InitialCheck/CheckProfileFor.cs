using IsuBench.Checks.Profiles;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>The <see cref="CheckProfile"/> the options ask for.</summary>
internal static class CheckProfileFor
{
    /// <summary>The profile named in <paramref name="options"/>, with the target's <paramref name="referenceManifest"/> (used only by <c>reference</c> without an override).</summary>
    public static CheckProfile Options(InitialCheckOptions options, IReadOnlyDictionary<string, string> referenceManifest) =>
        CheckProfiles.TryGet(options.Profile, referenceManifest, options.AssetsManifestOverride, out var profile)
            ? profile!
            : throw new ArgumentException($"unknown check profile '{options.Profile}': use {CheckProfiles.ReferenceName} or {CheckProfiles.Isucon6fName}", nameof(options));
}
