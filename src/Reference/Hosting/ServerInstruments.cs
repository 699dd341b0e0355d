using System.Diagnostics.Metrics;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// The server's own measurements on the <c>Isuketch</c> meter, beside ASP.NET Core's (request durations, connections):
/// open streams, events written to them, strokes stored. With no listener each costs one branch.
/// </summary>
internal static class ServerInstruments
{
    /// <summary>The meter's name, for <c>AddMeter</c> and <c>dotnet-counters monitor --counters</c>.</summary>
    public const string MeterName = "Isuketch";

    /// <summary>Attribute: the SSE event type (<c>stroke</c>, <c>watcher_count</c>, <c>bad_request</c>).</summary>
    public const string EventTypeAttribute = "isuketch.event.type";

    private static readonly Meter Meter = new(MeterName, typeof(ServerInstruments).Assembly.GetName().Version?.ToString());

    private static readonly UpDownCounter<long> OpenStreams = Meter.CreateUpDownCounter<long>(
        "isuketch.sse.streams", "{stream}", "Room streams open right now.");

    private static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "isuketch.sse.events", "{event}", "Events written to room streams, by type.");

    private static readonly Counter<long> StoredStrokes = Meter.CreateCounter<long>(
        "isuketch.strokes.stored", "{stroke}", "Strokes accepted and stored.");

    /// <summary>A room stream opened (+1) or ended (-1).</summary>
    public static void StreamChange(int delta) => OpenStreams.Add(delta);

    /// <summary>One event of <paramref name="type"/> written to a stream.</summary>
    public static void Event(string type)
    {
        if (Events.Enabled) Events.Add(1, new KeyValuePair<string, object?>(EventTypeAttribute, type));
    }

    /// <summary>One stroke stored.</summary>
    public static void StrokeStored() => StoredStrokes.Add(1);
}
