namespace IsuBench.Engine.Sse.Transport;

/// <summary>An opened response: its status, its single Content-Type value (null when absent or repeated) and its decoded body. Disposing it closes the connection, also while a read is pending.</summary>
internal sealed class EventStreamResponse(int status, string? contentType, Stream body, IDisposable? owner = null) : IDisposable
{
    /// <summary>The HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The Content-Type header as sent.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>The body without its transfer framing.</summary>
    public Stream Body { get; } = body;

    /// <inheritdoc />
    public void Dispose()
    {
        Body.Dispose();
        owner?.Dispose();
    }
}
