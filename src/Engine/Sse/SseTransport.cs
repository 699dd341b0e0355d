namespace IsuBench.Engine.Sse;

/// <summary>How an <see cref="SseClient"/> opens its streams.</summary>
public enum SseTransport
{
    /// <summary>
    /// The engine's own HTTP/1.1 client on a bare socket for <c>http</c> origins (a watcher is an idle read, and
    /// HttpClient's connections keep 8 KB of buffers each); <c>https</c> origins fall back to HttpClient.
    /// </summary>
    Socket,

    /// <summary>The session's HttpClient handler, like every other request.</summary>
    HttpClient,
}
