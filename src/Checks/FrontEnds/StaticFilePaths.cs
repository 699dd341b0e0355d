namespace IsuBench.Checks.FrontEnds;

/// <summary>The static files the benchmark loads and checks: the three the original benchmark knew (it never asked for the favicon).</summary>
public static class StaticFilePaths
{
    /// <summary>The paths, in the order the original listed them.</summary>
    public static readonly IReadOnlyList<string> All = ["/css/rc-color-picker.css", "/css/sanitize.css", "/bundle.js"];
}
