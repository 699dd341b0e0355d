using System.Collections.Concurrent;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>Every room in memory by id, and the index of the top list. Filled from the database at startup.</summary>
internal sealed class RoomCache
{
    private readonly ConcurrentDictionary<long, RoomState> _rooms = new();

    /// <summary>Rooms ordered by newest stroke.</summary>
    public TopRoomsIndex Top { get; } = new();

    /// <summary>The room, or null when there is none with this id.</summary>
    public RoomState? Find(long roomId) => _rooms.GetValueOrDefault(roomId);

    /// <summary>Every room (a moment's view; rooms are never removed).</summary>
    public ICollection<RoomState> All => _rooms.Values;

    /// <summary>Adds a room that the database already holds, and indexes it if it has strokes.</summary>
    public void Add(RoomState room)
    {
        _rooms[room.Id] = room;
        Top.Update(room, room.Snapshot.LastStrokeId);
    }

    /// <summary>Forgets every room (before loading the database again).</summary>
    public void Clear()
    {
        foreach (var room in _rooms.Values) Top.Update(room, 0);
        _rooms.Clear();
    }
}
