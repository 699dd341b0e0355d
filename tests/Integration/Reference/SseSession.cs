using System.Net.ServerSentEvents;

namespace IsuBench.Integration.Reference;

/// <summary>One received SSE event.</summary>
public sealed record ReceivedEvent(string Type, string Data, string? Id);

/// <summary>What one SSE response delivered before it ended (or before the test stopped reading).</summary>
public sealed record SseTranscript(string ContentType, IReadOnlyList<ReceivedEvent> Events, TimeSpan? Retry, bool EndedByServer);

/// <summary>Opens the room stream and reads it with <see cref="SseParser"/>, bounded by a timeout.</summary>
public static class SseSession
{
    /// <summary>
    /// Reads <c>/api/stream/rooms/{room}</c> until the server ends it, or until <paramref name="stopWhen"/> holds
    /// for the events so far (then the test hangs up). Fails the test after <paramref name="timeout"/> (default 15 s).
    /// </summary>
    public static async Task<SseTranscript> ReadAsync(HttpClient http, string room, string? token, long? lastEventId = null,
        Func<IReadOnlyList<ReceivedEvent>, bool>? stopWhen = null, Func<IReadOnlyList<ReceivedEvent>, Task>? onEvent = null,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var path = $"/api/stream/rooms/{room}" + (token is null ? "" : $"?csrf_token={Uri.EscapeDataString(token)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString());
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation.Token);
        var parser = SseParser.Create(stream);
        var events = new List<ReceivedEvent>();
        await foreach (var item in parser.EnumerateAsync(cancellation.Token))
        {
            events.Add(new ReceivedEvent(item.EventType, item.Data, item.EventId));
            if (onEvent is not null) await onEvent(events);
            if (stopWhen?.Invoke(events) == true)
                return new SseTranscript(contentType, events, parser.ReconnectionInterval, EndedByServer: false);
        }
        return new SseTranscript(contentType, events, parser.ReconnectionInterval, EndedByServer: true);
    }

    /// <summary>
    /// The raw text of a stream response (for exact format checks): the whole response, or what arrived until
    /// <paramref name="stopWhen"/> holds for the text so far (then the test hangs up).
    /// </summary>
    public static async Task<string> ReadRawAsync(HttpClient http, string room, string token, Func<string, bool>? stopWhen = null)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await http.GetAsync($"/api/stream/rooms/{room}?csrf_token={Uri.EscapeDataString(token)}",
            HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation.Token));
        var text = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellation.Token)) > 0)
        {
            text.Append(buffer, 0, read);
            if (stopWhen?.Invoke(text.ToString()) == true) break;
        }
        return text.ToString();
    }
}
