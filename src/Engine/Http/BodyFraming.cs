namespace IsuBench.Engine.Http;

/// <summary>How a response body's end is found (RFC 9112 §6.3).</summary>
public enum BodyFraming
{
    /// <summary>Chunked transfer coding: the body ends with a zero-size chunk.</summary>
    Chunked,

    /// <summary>The body is exactly Content-Length bytes.</summary>
    ContentLength,

    /// <summary>No length given: the body ends when the server closes the connection.</summary>
    UntilClose,
}
