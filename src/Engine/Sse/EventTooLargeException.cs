namespace IsuBench.Engine.Sse;

/// <summary>Raised by <see cref="NormalizedEventStream"/> when one event grows past the limit.</summary>
internal sealed class EventTooLargeException(int limit) : IOException($"event larger than {limit} bytes")
{
    /// <summary>The limit in bytes.</summary>
    public int Limit { get; } = limit;
}
