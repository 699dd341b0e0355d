using System.Text.Json;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Endpoints.Requests;

/// <summary>The body of <c>POST /api/strokes/rooms/{id}</c>: <c>{width, red, green, blue, alpha, points:[{x,y}]}</c>; other fields are ignored.</summary>
internal static class StrokeRequest
{
    /// <summary>The stroke to store, or null with the reason.</summary>
    public static NewStroke? Parse(JsonElement body, out string error)
    {
        if (!JsonBody.TryGetInt(body, "width", 1, InputLimits.MaxStrokeWidth, out var width, out error)
            || !JsonBody.TryGetInt(body, "red", 0, InputLimits.MaxColour, out var red, out error)
            || !JsonBody.TryGetInt(body, "green", 0, InputLimits.MaxColour, out var green, out error)
            || !JsonBody.TryGetInt(body, "blue", 0, InputLimits.MaxColour, out var blue, out error))
            return null;
        if (!JsonBody.TryGetNumber(body, "alpha", out var alpha) || alpha is < 0 or > 1)
        {
            error = "alpha must be a number from 0 to 1";
            return null;
        }
        if (!body.TryGetProperty("points", out var points) || points.ValueKind != JsonValueKind.Array)
        {
            error = "points must be an array";
            return null;
        }
        var count = points.GetArrayLength();
        if (count is 0 or > InputLimits.MaxPoints)
        {
            error = $"points must hold 1 to {InputLimits.MaxPoints} points";
            return null;
        }
        var parsed = new NewPoint[count];
        var i = 0;
        foreach (var point in points.EnumerateArray())
        {
            if (point.ValueKind != JsonValueKind.Object
                || !JsonBody.TryGetNumber(point, "x", out var x) || !JsonBody.TryGetNumber(point, "y", out var y)
                || InputLimits.ToStoredCoordinate(x) is not { } storedX || InputLimits.ToStoredCoordinate(y) is not { } storedY)
            {
                error = $"points[{i}] must be {{x, y}} with finite numbers under {InputLimits.CoordinateBound} in absolute value";
                return null;
            }
            parsed[i++] = new NewPoint(storedX, storedY);
        }
        // DECIMAL(3,2) keeps two decimals; storing the rounded value keeps the response equal to the row.
        var storedAlpha = Math.Round((decimal)alpha, 2, MidpointRounding.AwayFromZero);
        error = "";
        return new NewStroke(width, red, green, blue, storedAlpha, parsed);
    }
}
