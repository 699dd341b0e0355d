using Microsoft.Extensions.FileProviders;

namespace IsuBench.Reference.Endpoints;

/// <summary>
/// The static files (<c>/bundle.js</c>, <c>/css/*.css</c>, <c>/favicon.ico</c>, <c>/assets-manifest.json</c>),
/// served from resources embedded in this assembly so the server works from any directory it is started in.
/// </summary>
internal static class StaticAssets
{
    /// <summary>The name of the shipped manifest mapping each static file's URL path to the MD5 of its bytes.</summary>
    public const string ManifestPath = "assets-manifest.json";

    /// <summary>The embedded copy of <c>wwwroot/</c>.</summary>
    public static IFileProvider FileProvider { get; } =
        new EmbeddedFileProvider(typeof(StaticAssets).Assembly, "IsuBench.Reference.wwwroot");

    /// <summary>Serves the embedded <c>wwwroot/</c> files at the root of the site.</summary>
    public static IApplicationBuilder UseIsuketchStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = FileProvider });
}
