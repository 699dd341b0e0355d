using IsuBench.Reference.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace IsuBench.Reference.Endpoints;

/// <summary>The SVG thumbnail of a room at <c>/img/{id}</c>.</summary>
internal static class ImageEndpoints
{
    /// <summary>Maps <c>GET /img/{id}</c>; an unknown or malformed id answers 404 with a JSON error.</summary>
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/img/{id}", ShowImageAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowImageAsync(string id, [FromServices] IRoomImages images, CancellationToken cancellationToken)
    {
        var svg = RoomId.Parse(id) is { } roomId ? await images.GetSvgAsync(roomId, cancellationToken) : null;
        if (svg is null)
            return ApiResult.Error(StatusCodes.Status404NotFound, "room not found");
        return Results.Bytes(svg, SvgImage.ContentType);
    }
}
