using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// Rooms that have strokes, ordered by their newest stroke id, with the top list built once per change:
/// a new stroke moves one entry and drops the cached list, readers of an unchanged list share one instance.
/// </summary>
internal sealed class TopRoomsIndex
{
    /// <summary>How many rooms the top list holds.</summary>
    public const int Size = 100;

    private readonly Lock _lock = new();
    // Newest stroke first; stroke ids are unique, so the key orders rooms totally.
    private readonly SortedSet<(long LastStrokeId, RoomState Room)> _byNewestStroke =
        new(Comparer<(long LastStrokeId, RoomState Room)>.Create((a, b) => b.LastStrokeId.CompareTo(a.LastStrokeId)));
    private readonly Dictionary<long, long> _lastStrokeIdByRoom = [];
    private IReadOnlyList<Room>? _top;

    /// <summary>Places the room by its newest stroke id (0 removes it) and drops the cached list if the room is or was listed.</summary>
    public void Update(RoomState room, long lastStrokeId)
    {
        lock (_lock)
        {
            var listed = _lastStrokeIdByRoom.Remove(room.Id, out var previous);
            if (listed) _byNewestStroke.Remove((previous, room));
            if (lastStrokeId > 0)
            {
                _byNewestStroke.Add((lastStrokeId, room));
                _lastStrokeIdByRoom[room.Id] = lastStrokeId;
            }
            // A new room without strokes changes nothing listed; any other update may change order or counts.
            if (listed || lastStrokeId > 0) _top = null;
        }
    }

    /// <summary>At most <see cref="Size"/> rooms, newest stroke first, strokes empty and counts filled.</summary>
    public IReadOnlyList<Room> Top()
    {
        lock (_lock)
        {
            if (_top is not null) return _top;
            var top = new List<Room>(Size);
            foreach (var (_, room) in _byNewestStroke)
            {
                top.Add(room.ToRoom([], room.Snapshot.StrokeCount, 0));
                if (top.Count == Size) break;
            }
            return _top = top.AsReadOnly();
        }
    }
}
