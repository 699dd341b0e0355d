using IsuBench.Reference.Endpoints.Requests;
using IsuBench.Reference.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IsuBench.Reference.Endpoints;

/// <summary><c>GET /api/rooms</c>, <c>POST /api/rooms</c>, <c>GET /api/rooms/{id}</c>.</summary>
internal static class RoomEndpoints
{
    /// <summary>Maps the room endpoints.</summary>
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rooms", ListAsync);
        app.MapPost("/api/rooms", CreateAsync);
        app.MapGet("/api/rooms/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(IIsuketchStore store, CancellationToken cancellationToken) =>
        ApiResult.Ok(new { Rooms = await store.GetTopRoomsAsync(cancellationToken) });

    private static async Task<IResult> CreateAsync(HttpRequest request, IIsuketchStore store, CancellationToken cancellationToken)
    {
        if (await CsrfToken.ValidateHeaderAsync(request, store, cancellationToken) is not { } tokenId)
            return ApiResult.Error(StatusCodes.Status400BadRequest, "invalid or expired csrf token; reload the page");
        using var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null) return ApiResult.Error(StatusCodes.Status400BadRequest, "request body must be a JSON object");
        if (RoomRequest.Parse(body.RootElement, out var error) is not { } room)
            return ApiResult.Error(StatusCodes.Status400BadRequest, error);
        return ApiResult.Ok(new { Room = await store.CreateRoomAsync(tokenId, room, cancellationToken) });
    }

    private static async Task<IResult> GetAsync(string id, IIsuketchStore store, CancellationToken cancellationToken)
    {
        var room = RoomId.Parse(id) is { } roomId ? await store.GetRoomAsync(roomId, cancellationToken) : null;
        return room is null
            ? ApiResult.Error(StatusCodes.Status404NotFound, "no such room")
            : ApiResult.Ok(new { Room = room });
    }
}
