namespace IsuBench.Engine.Http;

/// <summary>The parts of an HTTP/1.x response head the engine reads itself (event streams, status-only requests).</summary>
internal sealed record ResponseHead(int Status, string? ContentType, BodyFraming Framing, long ContentLength, IReadOnlyList<string> SetCookies)
{
    /// <summary>A 1xx response other than 101, which is followed by the real response on the same connection.</summary>
    public bool IsInterim => Status is >= 100 and < 200 and not 101;
}
