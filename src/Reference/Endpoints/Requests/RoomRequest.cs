using System.Text.Json;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Endpoints.Requests;

/// <summary>The body of <c>POST /api/rooms</c>: <c>{name, canvas_width, canvas_height}</c>.</summary>
internal static class RoomRequest
{
    /// <summary>The room to create, or null with the reason.</summary>
    public static NewRoom? Parse(JsonElement body, out string error)
    {
        if (!JsonBody.TryGetString(body, "name", out var name))
        {
            error = "name must be a string";
            return null;
        }
        if (InputLimits.CheckRoomName(name) is { } nameError)
        {
            error = nameError;
            return null;
        }
        if (!JsonBody.TryGetInt(body, "canvas_width", 1, InputLimits.MaxCanvasSize, out var width, out error)
            || !JsonBody.TryGetInt(body, "canvas_height", 1, InputLimits.MaxCanvasSize, out var height, out error))
            return null;
        return new NewRoom(name, width, height);
    }
}
