using System.Text.Json;
using IsuBench.Reference.Json;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Endpoints;

/// <summary>A JSON response with the API's exact content type, <c>application/json;charset=utf-8</c>.</summary>
internal sealed class ApiResult(int statusCode, object body) : IResult
{
    /// <summary>The content type of every API response.</summary>
    public const string ContentType = "application/json;charset=utf-8";

    /// <summary>200 with <paramref name="body"/>.</summary>
    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    /// <summary><c>{"error": message}</c> with <paramref name="statusCode"/>.</summary>
    public static ApiResult Error(int statusCode, string message) => new(statusCode, new ErrorBody(message));

    /// <summary>Writes an error directly, for middleware that has no endpoint to return from.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        Error(statusCode, message).ExecuteAsync(context);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, body.GetType(), ApiJson.Options, httpContext.RequestAborted);
    }

    private sealed record ErrorBody(string Error);
}
