using System.Buffers;
using System.Globalization;
using System.Text;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IsuBench.Reference.Endpoints;

/// <summary>
/// Writes a <c>text/event-stream</c> response by hand, flushing after every event so each one leaves at once
/// (headers included, which <c>TypedResults.ServerSentEvents</c> holds back until its first item).
/// Data passed in is single-line (JSON without indentation, plain messages).
/// </summary>
internal sealed class SseWriter
{
    private readonly HttpResponse _response;
    private readonly CancellationToken _cancellationToken;

    private SseWriter(HttpResponse response, CancellationToken cancellationToken)
    {
        _response = response;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Sets status 200 and the SSE headers, and turns off response buffering.</summary>
    public static SseWriter Start(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        return new SseWriter(context.Response, context.RequestAborted);
    }

    /// <summary>Tells the client how long to wait before reconnecting.</summary>
    public Task WriteRetryAsync(TimeSpan interval) =>
        WriteBlockAsync($"retry: {(long)interval.TotalMilliseconds}\n\n");

    /// <summary>One event, with an id line when <paramref name="id"/> is given.</summary>
    public Task WriteEventAsync(string eventType, string data, long? id = null)
    {
        ServerInstruments.Event(eventType);
        var block = new StringBuilder();
        if (id is { } value) block.Append("id: ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        block.Append("event: ").Append(eventType).Append('\n');
        block.Append("data: ").Append(data).Append("\n\n");
        return WriteBlockAsync(block.ToString());
    }

    /// <summary>One event whose data is already UTF-8 (shared by every stream it goes to, so it is written, not copied into a string).</summary>
    public async Task WriteEventAsync(string eventType, ReadOnlyMemory<byte> utf8Data, long id)
    {
        ServerInstruments.Event(eventType);
        var body = _response.BodyWriter;
        Encoding.UTF8.GetBytes($"id: {id.ToString(CultureInfo.InvariantCulture)}\nevent: {eventType}\ndata: ", body);
        body.Write(utf8Data.Span);
        body.Write("\n\n"u8);
        await body.FlushAsync(_cancellationToken);
    }

    private async Task WriteBlockAsync(string block)
    {
        await _response.WriteAsync(block, Encoding.UTF8, _cancellationToken);
        await _response.Body.FlushAsync(_cancellationToken);
    }
}
