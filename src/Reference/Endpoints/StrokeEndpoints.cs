using IsuBench.Reference.Domain;
using IsuBench.Reference.Endpoints.Requests;
using IsuBench.Reference.Hosting;
using IsuBench.Reference.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IsuBench.Reference.Endpoints;

/// <summary><c>POST /api/strokes/rooms/{id}</c>.</summary>
internal static class StrokeEndpoints
{
    /// <summary>Maps the stroke endpoint.</summary>
    public static IEndpointRouteBuilder MapStrokeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/strokes/rooms/{id}", CreateAsync);
        return app;
    }

    // Checked in the original's order: token (400), room (404), body (400), first-stroke ownership (400).
    private static async Task<IResult> CreateAsync(string id, HttpRequest request, IIsuketchStore store, CancellationToken cancellationToken)
    {
        if (await CsrfToken.ValidateHeaderAsync(request, store, cancellationToken) is not { } tokenId)
            return ApiResult.Error(StatusCodes.Status400BadRequest, "invalid or expired csrf token; reload the page");
        if (RoomId.Parse(id) is not { } roomId || !await store.RoomExistsAsync(roomId, cancellationToken))
            return ApiResult.Error(StatusCodes.Status404NotFound, "no such room");
        using var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null) return ApiResult.Error(StatusCodes.Status400BadRequest, "request body must be a JSON object");
        if (StrokeRequest.Parse(body.RootElement, out var error) is not { } stroke)
            return ApiResult.Error(StatusCodes.Status400BadRequest, error);

        var outcome = await store.AddStrokeAsync(roomId, tokenId, stroke, cancellationToken);
        if (outcome.Status == StrokeWriteStatus.Created) ServerInstruments.StrokeStored();
        return outcome.Status switch
        {
            StrokeWriteStatus.Created => ApiResult.Ok(new { outcome.Stroke }),
            StrokeWriteStatus.RoomNotFound => ApiResult.Error(StatusCodes.Status404NotFound, "no such room"),
            _ => ApiResult.Error(StatusCodes.Status400BadRequest, "only the room's owner may draw its first stroke"),
        };
    }
}
