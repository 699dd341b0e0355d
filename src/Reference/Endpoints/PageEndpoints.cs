using IsuBench.Reference.Profiles;
using IsuBench.Reference.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace IsuBench.Reference.Endpoints;

/// <summary>The server-rendered HTML pages: <c>/</c> and <c>/rooms/{id}</c>.</summary>
internal static class PageEndpoints
{
    /// <summary>Maps the pages; each successful page view creates a fresh CSRF token through <see cref="IIsuketchStore"/>.</summary>
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", ShowTopAsync);
        endpoints.MapGet("/rooms/{id}", ShowRoomAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowTopAsync([FromServices] IIsuketchStore store, CancellationToken cancellationToken)
    {
        var rooms = await store.GetTopRoomsAsync(cancellationToken);
        var token = await store.CreateTokenAsync(cancellationToken);
        return Results.Text(TopPage.Render(rooms, token), PageShell.ContentType);
    }

    private static async Task<IResult> ShowRoomAsync(string id, [FromServices] IIsuketchStore store, CancellationToken cancellationToken)
    {
        // No token is created for a room that does not exist: a 404 should write nothing.
        var room = RoomId.Parse(id) is { } roomId ? await store.GetRoomAsync(roomId, cancellationToken) : null;
        if (room is null)
            return Results.Text(NotFoundPage.Render("This room does not exist."), PageShell.ContentType, statusCode: StatusCodes.Status404NotFound);
        var token = await store.CreateTokenAsync(cancellationToken);
        return Results.Text(RoomPage.Render(room, token), PageShell.ContentType);
    }
}
