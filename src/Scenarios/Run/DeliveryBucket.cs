namespace IsuBench.Scenarios.Run;

/// <summary>One bar of the SSE delivery histogram: deliveries slower than the previous bound and at most <see cref="UpTo"/> (null: the rest).</summary>
public sealed record DeliveryBucket(TimeSpan? UpTo, long Count);
