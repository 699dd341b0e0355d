using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles;

/// <summary>
/// What the endpoints need from storage; the <c>baseline</c> and <c>tuned</c> profiles implement it differently.
/// Every method that returns has made its writes durable (read-your-writes across restarts).
/// </summary>
public interface IIsuketchStore
{
    /// <summary>Creates a fresh, unique CSRF token.</summary>
    Task<string> CreateTokenAsync(CancellationToken cancellationToken);

    /// <summary>The token's id when it exists and is under a day old, else null.</summary>
    Task<long?> FindValidTokenAsync(string csrfToken, CancellationToken cancellationToken);

    /// <summary>At most 100 rooms having strokes, newest stroke first; <c>Strokes</c> empty, counts filled.</summary>
    Task<IReadOnlyList<Room>> GetTopRoomsAsync(CancellationToken cancellationToken);

    /// <summary>The room with all strokes and points in id order and its live watcher count, or null.</summary>
    Task<Room?> GetRoomAsync(long roomId, CancellationToken cancellationToken);

    /// <summary>Whether a room with this id exists.</summary>
    Task<bool> RoomExistsAsync(long roomId, CancellationToken cancellationToken);

    /// <summary>Creates the room with the token as its owner, in one transaction; returns it as stored.</summary>
    Task<Room> CreateRoomAsync(long ownerTokenId, NewRoom room, CancellationToken cancellationToken);

    /// <summary>Stores the stroke and its points in one transaction, unless the room is unknown or its first stroke is not the owner's.</summary>
    Task<StrokeWriteOutcome> AddStrokeAsync(long roomId, long tokenId, NewStroke stroke, CancellationToken cancellationToken);
}
