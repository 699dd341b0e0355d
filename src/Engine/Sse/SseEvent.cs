namespace IsuBench.Engine.Sse;

/// <summary>One dispatched server-sent event: its type ("message" by default), data, the last event id in force, and when it arrived.</summary>
public sealed record SseEvent(string Type, string Data, string? Id, DateTimeOffset ReceivedAt);
