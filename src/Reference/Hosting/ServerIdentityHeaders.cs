using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Every response names the server profile the reference runs (<c>--profile</c>: baseline or tuned) and its version, so that a
/// result can say which server it measured. An IsuBench addition that no rule requires (docs/contract.md §3).
/// </summary>
public static class ServerIdentityHeaders
{
    /// <summary>The header naming the server profile, e.g. <c>tuned</c>.</summary>
    public const string Profile = "X-Isuketch-Profile";

    /// <summary>The header naming the server's version, e.g. <c>0.9.0+commit</c>.</summary>
    public const string Version = "X-Isuketch-Version";

    /// <summary>This server's version: the informational version of its assembly.</summary>
    public static string CurrentVersion { get; } =
        typeof(ServerIdentityHeaders).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServerIdentityHeaders).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Adds both headers to every response of <paramref name="app"/>, <paramref name="profile"/> as the profile.</summary>
    public static IApplicationBuilder UseServerIdentityHeaders(this IApplicationBuilder app, string profile) =>
        app.Use((context, next) =>
        {
            // Set as the headers go out, so that a handler that clears the response (an error turned into JSON) keeps them.
            context.Response.OnStarting(static state =>
            {
                var (headers, profile) = ((IHeaderDictionary, string))state;
                headers[Profile] = profile;
                headers[Version] = CurrentVersion;
                return Task.CompletedTask;
            }, (context.Response.Headers, profile));
            return next(context);
        });
}
