using System.Buffers;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Endpoints;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Enforces <see cref="InputLimits.MaxRequestBodyBytes"/> with a JSON 413. HTTP/1.1 clients send the whole body before
/// they read the answer, so the rest of a refused body is discarded (up to Kestrel's larger limit and a deadline) first;
/// answering early would leave them with a broken pipe instead of the 413.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    private static readonly TimeSpan DiscardDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Runs the request with a limited body.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var body = context.Request.Body;
        var declared = context.Request.ContentLength;
        if (declared > InputLimits.MaxDiscardedRequestBodyBytes)
        {
            // Too large even to discard: answer at once; Kestrel closes the connection.
            await ApiResult.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "request body too large");
            return;
        }
        context.Request.Body = new LimitedRequestBody(body, InputLimits.MaxRequestBodyBytes);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await DiscardAsync(body, context.RequestAborted);
            await ApiResult.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "request body too large");
        }
        finally
        {
            context.Request.Body = body;
        }
    }

    private static async Task DiscardAsync(Stream body, CancellationToken requestAborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        deadline.CancelAfter(DiscardDeadline);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, deadline.Token) > 0) { }
        }
        catch (Exception e) when (e is BadHttpRequestException or OperationCanceledException or IOException)
        {
            // Past Kestrel's limit, too slow or gone: the connection is closed after the answer anyway.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
