using IsuBench.Reference.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Turns exceptions into JSON errors: Kestrel's request errors (body too large, bad framing) keep their 4xx status,
/// anything else is a server fault (500). A client that went away gets nothing.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline, catching what escapes it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var message = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request body too large" : "bad request: " + e.Message;
            await ApiResult.WriteErrorAsync(context, e.StatusCode, message);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left (whatever the cancelled I/O threw); there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiResult.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal server error");
        }
    }
}
