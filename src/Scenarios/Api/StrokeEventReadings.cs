using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Scenarios.Api;

/// <summary>
/// Remembers how the stroke events of one room read, so that the same event is parsed once however many watchers receive it.
/// The stroke rule is a pure function of an event's data (and of the stream's name, the same for all), and every watcher of a
/// room receives the same events, the room's history among them: each watcher's event still goes through the rule, and an event
/// whose data differs by one byte from the one remembered is read anew. Bounded: the latest <see cref="Capacity"/> events.
/// </summary>
internal sealed class StrokeEventReadings(string request)
{
    /// <summary>How many distinct events are remembered (a room's history is at most a few hundred strokes).</summary>
    public const int Capacity = 512;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Parsed<ApiStroke>> _byData = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>The stream name the readings were made for.</summary>
    public string Request => request;

    /// <summary>How often an event was read anew (for tests and statistics).</summary>
    public int Reads { get; private set; }

    /// <summary>The reading of a stroke event's <paramref name="data"/>: remembered, or read with the stream rule and remembered.</summary>
    public Parsed<ApiStroke> Read(string data)
    {
        lock (_lock)
        {
            if (_byData.TryGetValue(data, out var known)) return known;
        }
        var reading = StreamRules.ReadStrokeEvent(data, request);
        lock (_lock)
        {
            Reads++;
            if (_byData.TryAdd(data, reading))
            {
                _order.Enqueue(data);
                if (_order.Count > Capacity) _byData.Remove(_order.Dequeue());
            }
        }
        return reading;
    }
}
