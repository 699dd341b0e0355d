using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>What one room's readers see at once: its stroke count, newest stroke id and, once loaded, every stroke.</summary>
/// <param name="StrokeCount">Strokes stored for the room.</param>
/// <param name="LastStrokeId">The newest stroke's id, 0 when none.</param>
/// <param name="History">Every stroke in id order, or null until first needed (loaded from the database).</param>
internal sealed record RoomSnapshot(int StrokeCount, long LastStrokeId, StrokeHistory? History);

/// <summary>A room's SVG thumbnail as rendered when its newest stroke had <paramref name="LastStrokeId"/>.</summary>
internal sealed record RenderedImage(long LastStrokeId, byte[] Svg);

/// <summary>
/// One room kept in memory. Writers (new strokes, loading the history) hold <see cref="Gate"/> and replace the
/// snapshot after the database has the data; readers take <see cref="Snapshot"/> without locking.
/// </summary>
internal sealed class RoomState(long id, string name, int canvasWidth, int canvasHeight, DateTime createdAt, RoomSnapshot snapshot)
{
    private readonly HashSet<long> _owners = [];
    private volatile RoomSnapshot _snapshot = snapshot;

    /// <summary>The room's id.</summary>
    public long Id { get; } = id;

    /// <summary>The room as listed: no strokes, no watchers; counts filled by the caller.</summary>
    public Room Header { get; } = new(id, name, canvasWidth, canvasHeight, createdAt, [], 0, 0);

    /// <summary>Serializes writes to the room and the loading of its history.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The room's open streams and watcher heartbeats.</summary>
    public RoomNotifier Notifier { get; } = new();

    /// <summary>The last rendered thumbnail; stale when its stroke id is not the snapshot's.</summary>
    public RenderedImage? Image { get; set; }

    /// <summary>The latest published state.</summary>
    public RoomSnapshot Snapshot => _snapshot;

    /// <summary>Replaces the state; only under <see cref="Gate"/> (or before the room is shared).</summary>
    public void Publish(RoomSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>Records an owner token (under <see cref="Gate"/>, or before the room is shared).</summary>
    public void AddOwner(long tokenId)
    {
        lock (_owners) _owners.Add(tokenId);
    }

    /// <summary>Whether the token owns the room.</summary>
    public bool IsOwner(long tokenId)
    {
        lock (_owners) return _owners.Contains(tokenId);
    }

    /// <summary>The room with the given strokes and counts, as the API returns it.</summary>
    public Room ToRoom(IReadOnlyList<Stroke> strokes, int strokeCount, int watcherCount) =>
        Header with { Strokes = strokes, StrokeCount = strokeCount, WatcherCount = watcherCount };
}
