using System.Collections.Concurrent;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Profiles;

namespace IsuBench.Tests.Reference.Endpoints;

/// <summary>A fake store holding fixed rooms in memory and counting the tokens it hands out.</summary>
internal sealed class InMemoryPageStore(IReadOnlyList<Room> topRooms, IReadOnlyDictionary<long, Room> rooms) : IIsuketchStore
{
    private readonly ConcurrentBag<string> _tokens = [];

    public IReadOnlyCollection<string> Tokens => _tokens;

    public Task<string> CreateTokenAsync(CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _tokens.Add(token);
        return Task.FromResult(token);
    }

    public Task<long?> FindValidTokenAsync(string csrfToken, CancellationToken cancellationToken) =>
        Task.FromResult<long?>(_tokens.Contains(csrfToken) ? 1 : null);

    public Task<IReadOnlyList<Room>> GetTopRoomsAsync(CancellationToken cancellationToken) => Task.FromResult(topRooms);

    public Task<Room?> GetRoomAsync(long roomId, CancellationToken cancellationToken) =>
        Task.FromResult(rooms.GetValueOrDefault(roomId));

    public Task<bool> RoomExistsAsync(long roomId, CancellationToken cancellationToken) =>
        Task.FromResult(rooms.ContainsKey(roomId));

    // Pages and images only read; a write reaching this store would be a bug in them.
    public Task<Room> CreateRoomAsync(long ownerTokenId, NewRoom room, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("pages must not create rooms");

    public Task<StrokeWriteOutcome> AddStrokeAsync(long roomId, long tokenId, NewStroke stroke, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("pages must not add strokes");
}
