using IsuBench.Engine.Http;

namespace IsuBench.Engine.Sse;

/// <summary>Why a stream could not go on.</summary>
public enum SseFailureKind
{
    /// <summary>The server answered with a status other than 200.</summary>
    Status,

    /// <summary>The server answered without <c>text/event-stream</c>.</summary>
    ContentType,

    /// <summary>An event exceeded the size limit.</summary>
    EventTooLarge,

    /// <summary>The stream could not be opened (refused, reset before headers...).</summary>
    Transport,

    /// <summary>The bench ran out of sockets; not the server's fault.</summary>
    BenchCapacity,
}
