namespace IsuBench.Checks.Profiles;

/// <summary>The static files every ISUketch front end serves.</summary>
public static class StaticFilePaths
{
    /// <summary>The paths, in the order the benchmark loads them.</summary>
    public static readonly IReadOnlyList<string> All = ["/css/sanitize.css", "/css/rc-color-picker.css", "/bundle.js", "/favicon.ico"];
}
