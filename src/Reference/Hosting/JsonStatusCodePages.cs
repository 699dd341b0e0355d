using IsuBench.Reference.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Hosting;

/// <summary>Gives the framework's bodiless errors (unknown route 404, wrong method 405, ...) a JSON error body.</summary>
internal static class JsonStatusCodePages
{
    /// <summary>Adds the status-code-pages handler that writes <c>{"error": ...}</c>.</summary>
    public static IApplicationBuilder UseJsonErrorBodies(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context => ApiResult.WriteErrorAsync(
            context.HttpContext,
            context.HttpContext.Response.StatusCode,
            context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "not found",
                StatusCodes.Status405MethodNotAllowed => "method not allowed",
                StatusCodes.Status413PayloadTooLarge => "request body too large",
                _ => "request failed",
            }));
}
