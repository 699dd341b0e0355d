using System.Security.Cryptography;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Storage;
using MySqlConnector;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// The tuned storage: reads from memory (rooms, counts, top list, token cache, stroke histories loaded once per room
/// in two queries), writes to the database in a transaction first and only then to memory, so that every
/// acknowledged write is durable and the database stays the source of truth across restarts.
/// </summary>
internal sealed class TunedStore(MySqlDataSource dataSource, MicrosecondClock clock, RoomCache rooms, TokenCache tokens, StrokeStorage strokes)
    : IIsuketchStore
{
    /// <inheritdoc />
    public async Task<string> CreateTokenAsync(CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.UtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(TunedQueries.InsertToken, connection);
        command.Parameters.AddWithValue("@Token", token);
        command.Parameters.AddWithValue("@Now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        tokens.Add(token, command.LastInsertedId, now);
        return token;
    }

    /// <inheritdoc />
    public async Task<long?> FindValidTokenAsync(string csrfToken, CancellationToken cancellationToken)
    {
        if (!tokens.TryGet(csrfToken, out var id, out var createdAt))
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new MySqlCommand(TunedQueries.FindToken, connection);
            command.Parameters.AddWithValue("@Token", csrfToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // Unknown tokens are not remembered: anyone could fill memory with them.
            if (!await reader.ReadAsync(cancellationToken)) return null;
            id = reader.GetInt64(0);
            createdAt = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
            tokens.Add(csrfToken, id, createdAt);
        }
        return createdAt > clock.UtcNow() - ContractTimes.TokenLifetime ? id : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Room>> GetTopRoomsAsync(CancellationToken cancellationToken) => Task.FromResult(rooms.Top.Top());

    /// <inheritdoc />
    public async Task<Room?> GetRoomAsync(long roomId, CancellationToken cancellationToken)
    {
        if (rooms.Find(roomId) is not { } room) return null;
        var history = await HistoryAsync(room, cancellationToken);
        return room.ToRoom(history, history.Count, room.Notifier.WatcherCount(clock.UtcNow()));
    }

    /// <inheritdoc />
    public Task<bool> RoomExistsAsync(long roomId, CancellationToken cancellationToken) => Task.FromResult(rooms.Find(roomId) is not null);

    /// <inheritdoc />
    public async Task<Room> CreateRoomAsync(long ownerTokenId, NewRoom room, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        long roomId;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var command = new MySqlCommand(TunedQueries.InsertRoom, connection, transaction))
            {
                command.Parameters.AddWithValue("@Name", room.Name);
                command.Parameters.AddWithValue("@CanvasWidth", room.CanvasWidth);
                command.Parameters.AddWithValue("@CanvasHeight", room.CanvasHeight);
                command.Parameters.AddWithValue("@Now", now);
                await command.ExecuteNonQueryAsync(cancellationToken);
                roomId = command.LastInsertedId;
            }
            await using (var command = new MySqlCommand(TunedQueries.InsertOwner, connection, transaction))
            {
                command.Parameters.AddWithValue("@RoomId", roomId);
                command.Parameters.AddWithValue("@TokenId", ownerTokenId);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var state = new RoomState(roomId, room.Name, room.CanvasWidth, room.CanvasHeight, now, new RoomSnapshot(0, 0, StrokeHistory.Empty));
        state.AddOwner(ownerTokenId);
        rooms.Add(state);
        return state.Header;
    }

    /// <inheritdoc />
    public async Task<StrokeWriteOutcome> AddStrokeAsync(long roomId, long tokenId, NewStroke stroke, CancellationToken cancellationToken)
    {
        if (rooms.Find(roomId) is not { } room) return StrokeWriteOutcome.RoomNotFound;
        // One writer per room: ids, history, stream order and the first-stroke rule agree.
        await room.Gate.WaitAsync(cancellationToken);
        try
        {
            var before = room.Snapshot;
            if (before.StrokeCount == 0 && !room.IsOwner(tokenId)) return StrokeWriteOutcome.NotOwner;
            Stroke stored;
            try
            {
                // Not cancelled by the client leaving: once started, the write and the memory update finish together.
                stored = await strokes.InsertAsync(roomId, stroke, clock.UtcNow(), CancellationToken.None);
            }
            catch
            {
                // The commit may have happened after all: take the room's state from the database again.
                await ReloadSummaryAsync(room);
                throw;
            }
            var cached = new CachedStroke(stored);
            room.Publish(new RoomSnapshot(before.StrokeCount + 1, stored.Id, before.History?.Append(cached)));
            rooms.Top.Update(room, stored.Id);
            if (room.Notifier.SubscriberCount > 0) room.Notifier.Publish(cached.Event);
            return new StrokeWriteOutcome(StrokeWriteStatus.Created, stored);
        }
        finally
        {
            room.Gate.Release();
        }
    }

    /// <summary>The room's strokes, loading them from the database the first time (under the room's gate).</summary>
    public async Task<StrokeHistory> HistoryAsync(RoomState room, CancellationToken cancellationToken)
    {
        if (room.Snapshot.History is { } loaded) return loaded;
        await room.Gate.WaitAsync(cancellationToken);
        try
        {
            return await HistoryUnderGateAsync(room, cancellationToken);
        }
        finally
        {
            room.Gate.Release();
        }
    }

    /// <summary>As <see cref="HistoryAsync"/>, for a caller that holds the room's gate.</summary>
    public async Task<StrokeHistory> HistoryUnderGateAsync(RoomState room, CancellationToken cancellationToken)
    {
        if (room.Snapshot.History is { } loaded) return loaded;
        var history = StrokeHistory.Of(await strokes.LoadRoomAsync(room.Id, cancellationToken));
        var before = room.Snapshot;
        room.Publish(new RoomSnapshot(history.Count, history.LastStrokeId, history));
        // Loading usually confirms what the summary said; only a difference moves the room in the top list.
        if (before.StrokeCount != history.Count || before.LastStrokeId != history.LastStrokeId) rooms.Top.Update(room, history.LastStrokeId);
        return history;
    }

    private async Task ReloadSummaryAsync(RoomState room)
    {
        try
        {
            var (count, lastStrokeId) = await strokes.SummarizeRoomAsync(room.Id, CancellationToken.None);
            if (count == room.Snapshot.StrokeCount && lastStrokeId == room.Snapshot.LastStrokeId) return; // rolled back: memory is right
            room.Publish(new RoomSnapshot(count, lastStrokeId, History: null));
            rooms.Top.Update(room, lastStrokeId);
        }
        catch (MySqlException)
        {
            // The database is unreachable: memory keeps what it knew; nothing was acknowledged.
        }
    }
}
