using System.Security.Cryptography;
using Dapper;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Storage;
using MySqlConnector;

namespace IsuBench.Reference.Profiles.Baseline;

/// <summary>
/// The original application's storage, naive on purpose so that tuning has something to beat: one query per row
/// read (N+1 for strokes and their points), one INSERT per point, no caches.
/// </summary>
internal sealed class BaselineStore(MySqlDataSource dataSource, MicrosecondClock clock) : IIsuketchStore
{
    /// <inheritdoc />
    public async Task<string> CreateTokenAsync(CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(BaselineQueries.InsertToken, new { Token = token, Now = clock.UtcNow() }, cancellationToken));
        return token;
    }

    /// <inheritdoc />
    public async Task<long?> FindValidTokenAsync(string csrfToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(Command(
            BaselineQueries.FindValidToken, new { Token = csrfToken, Since = clock.UtcNow() - ContractTimes.TokenLifetime }, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Room>> GetTopRoomsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(Command(BaselineQueries.TopRoomIds, null, cancellationToken));
        var rooms = new List<Room>();
        foreach (var id in ids)
        {
            var row = await FindRoomRowAsync(connection, id, cancellationToken);
            if (row is null) continue;
            var count = await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.StrokeCount, new { RoomId = id }, cancellationToken));
            rooms.Add(row.ToRoom([], (int)count, 0));
        }
        return rooms;
    }

    /// <inheritdoc />
    public async Task<Room?> GetRoomAsync(long roomId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await FindRoomRowAsync(connection, roomId, cancellationToken);
        if (row is null) return null;
        var strokes = await GetStrokesAfterAsync(connection, roomId, 0, cancellationToken);
        var watchers = await CountWatchersAsync(connection, roomId, cancellationToken);
        return row.ToRoom(strokes, strokes.Count, watchers);
    }

    /// <inheritdoc />
    public async Task<bool> RoomExistsAsync(long roomId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RoomExistsAsync(connection, roomId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Room> CreateRoomAsync(long ownerTokenId, NewRoom room, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long roomId;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            roomId = await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.InsertRoom,
                new { room.Name, room.CanvasWidth, room.CanvasHeight, Now = clock.UtcNow() }, cancellationToken, transaction));
            await connection.ExecuteAsync(Command(BaselineQueries.InsertOwner, new { RoomId = roomId, TokenId = ownerTokenId }, cancellationToken, transaction));
            await transaction.CommitAsync(cancellationToken);
        }
        var row = await FindRoomRowAsync(connection, roomId, cancellationToken)
            ?? throw new InvalidOperationException($"room {roomId} vanished after it was created");
        return row.ToRoom([], 0, 0);
    }

    /// <inheritdoc />
    public async Task<StrokeWriteOutcome> AddStrokeAsync(long roomId, long tokenId, NewStroke stroke, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await RoomExistsAsync(connection, roomId, cancellationToken)) return StrokeWriteOutcome.RoomNotFound;
        // As the original: read every stroke of the room just to learn whether there is one.
        var existing = await GetStrokesAfterAsync(connection, roomId, 0, cancellationToken);
        if (existing.Count == 0)
        {
            var owners = await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.IsOwner, new { RoomId = roomId, TokenId = tokenId }, cancellationToken));
            if (owners == 0) return StrokeWriteOutcome.NotOwner;
        }

        long strokeId;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            strokeId = await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.InsertStroke,
                new { RoomId = roomId, stroke.Width, stroke.Red, stroke.Green, stroke.Blue, stroke.Alpha, Now = clock.UtcNow() },
                cancellationToken, transaction));
            foreach (var point in stroke.Points)
            {
                await connection.ExecuteAsync(Command(BaselineQueries.InsertPoint,
                    new { StrokeId = strokeId, point.X, point.Y }, cancellationToken, transaction));
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var row = await connection.QuerySingleAsync<StrokeRow>(Command(BaselineQueries.SelectStroke, new { StrokeId = strokeId }, cancellationToken));
        return new StrokeWriteOutcome(StrokeWriteStatus.Created, row.ToStroke(await GetPointsAsync(connection, strokeId, cancellationToken)));
    }

    /// <summary>Records (or refreshes) the watcher's heartbeat in the room.</summary>
    public async Task TouchWatcherAsync(long roomId, long tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(BaselineQueries.UpsertWatcher, new { RoomId = roomId, TokenId = tokenId, Now = clock.UtcNow() }, cancellationToken));
    }

    /// <summary>Tokens whose heartbeat in the room is younger than <see cref="ContractTimes.WatcherWindow"/>.</summary>
    public async Task<int> CountWatchersAsync(long roomId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await CountWatchersAsync(connection, roomId, cancellationToken);
    }

    /// <summary>The room's strokes with id above <paramref name="afterStrokeId"/>, in id order, each with its points.</summary>
    public async Task<IReadOnlyList<Stroke>> GetStrokesAfterAsync(long roomId, long afterStrokeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetStrokesAfterAsync(connection, roomId, afterStrokeId, cancellationToken);
    }

    private static async Task<IReadOnlyList<Stroke>> GetStrokesAfterAsync(MySqlConnection connection, long roomId, long afterStrokeId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StrokeRow>(Command(BaselineQueries.StrokesAfter, new { RoomId = roomId, AfterId = afterStrokeId }, cancellationToken));
        var strokes = new List<Stroke>();
        foreach (var row in rows)
            strokes.Add(row.ToStroke(await GetPointsAsync(connection, row.Id, cancellationToken)));
        return strokes;
    }

    private static async Task<IReadOnlyList<Point>> GetPointsAsync(MySqlConnection connection, long strokeId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PointRow>(Command(BaselineQueries.PointsOfStroke, new { StrokeId = strokeId }, cancellationToken));
        return rows.Select(row => row.ToPoint()).ToList();
    }

    private async Task<int> CountWatchersAsync(MySqlConnection connection, long roomId, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.WatcherCount,
            new { RoomId = roomId, Since = clock.UtcNow() - ContractTimes.WatcherWindow }, cancellationToken));

    private static Task<RoomRow?> FindRoomRowAsync(MySqlConnection connection, long roomId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<RoomRow>(Command(BaselineQueries.SelectRoom, new { RoomId = roomId }, cancellationToken));

    private static async Task<bool> RoomExistsAsync(MySqlConnection connection, long roomId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(Command(BaselineQueries.RoomExists, new { RoomId = roomId }, cancellationToken)) > 0;

    private static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, MySqlTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
