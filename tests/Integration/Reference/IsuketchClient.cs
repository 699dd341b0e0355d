using System.Net;
using System.Text;
using System.Text.Json;

namespace IsuBench.Integration.Reference;

/// <summary>A plain HttpClient speaking the ISUketch API, with assertions shared by the tests.</summary>
public sealed class IsuketchClient(Uri baseAddress) : IDisposable
{
    /// <summary>The API's content type, exactly.</summary>
    public const string JsonContentType = "application/json;charset=utf-8";

    /// <summary>The underlying client; no timeout beyond the tests' own, SSE responses are read as streams.</summary>
    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>POST /api/csrf_token, asserting success.</summary>
    public async Task<string> CreateTokenAsync()
    {
        using var response = await Http.PostAsync("/api/csrf_token", null);
        var body = await ReadJsonAsync(response, HttpStatusCode.OK);
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>POST /api/rooms with <paramref name="token"/>, asserting success; returns the room object.</summary>
    public async Task<JsonElement> CreateRoomAsync(string token, string name = "a room", int width = 1028, int height = 768)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/rooms", token,
            JsonSerializer.Serialize(new { name, canvas_width = width, canvas_height = height }));
        return (await ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("room");
    }

    /// <summary>POST /api/strokes/rooms/{id} of a simple stroke, asserting success; returns the stroke object.</summary>
    public async Task<JsonElement> PostStrokeAsync(string token, long roomId, IReadOnlyList<(double X, double Y)>? points = null,
        int width = 10, int red = 128, int green = 129, int blue = 130, double alpha = 0.7)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", token,
            StrokeBody(points ?? [(1.5, 2.5), (10.25, 20.75)], width, red, green, blue, alpha));
        return (await ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("stroke");
    }

    /// <summary>The JSON text of a stroke request.</summary>
    public static string StrokeBody(IReadOnlyList<(double X, double Y)> points, int width = 10, int red = 128, int green = 129, int blue = 130, double alpha = 0.7) =>
        JsonSerializer.Serialize(new { width, red, green, blue, alpha, points = points.Select(p => new { x = p.X, y = p.Y }) });

    /// <summary>GET a path and return its parsed body, asserting the status and the JSON content type.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(path);
        return await ReadJsonAsync(response, expected);
    }

    /// <summary>Sends a request with an optional token header and raw body.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Add("x-csrf-token", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return Http.SendAsync(request);
    }

    /// <summary>Asserts status and content type and parses the body.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(JsonContentType, response.Content.Headers.ContentType?.ToString().Replace(" ", ""));
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a JSON error <c>{"error": "..."}</c> with <paramref name="expected"/> status.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await ReadJsonAsync(response, expected);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        var message = body.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
