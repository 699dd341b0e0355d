using IsuBench.Reference.Domain;
using IsuBench.Reference.Storage;
using Microsoft.Extensions.Hosting;
using MySqlConnector;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// Fills memory from the database before the server listens (after the schema is applied): every room with its
/// owners, stroke count and newest stroke id, and the heartbeats still inside the watcher window. Stroke histories
/// load per room on first use. Data written while the server is down (a restart, a fresh data set) is thus seen.
/// </summary>
internal sealed class TunedStateLoader(MySqlDataSource dataSource, RoomCache rooms, TokenCache tokens, MicrosecondClock clock) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    /// <summary>
    /// Forgets what memory holds and loads it from the database again, as a restart would (open streams are ended
    /// and reconnect). For a database changed behind the server's back.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        foreach (var room in rooms.All) room.Notifier.CompleteAll();
        rooms.Clear();
        tokens.Clear();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var summaries = new Dictionary<long, (int Count, long LastStrokeId)>();
        await using (var command = new MySqlCommand(TunedQueries.StrokeSummaries, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                summaries[reader.GetInt64(0)] = ((int)reader.GetInt64(1), reader.GetInt64(2));
        }

        var loaded = new List<RoomState>();
        await using (var command = new MySqlCommand(TunedQueries.AllRooms, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                var (count, lastStrokeId) = summaries.GetValueOrDefault(id);
                loaded.Add(new RoomState(id, reader.GetString(1), (int)reader.GetUInt32(2), (int)reader.GetUInt32(3),
                    DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                    new RoomSnapshot(count, lastStrokeId, count == 0 ? StrokeHistory.Empty : null)));
            }
        }
        foreach (var room in loaded) rooms.Add(room);

        await using (var command = new MySqlCommand(TunedQueries.AllOwners, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rooms.Find(reader.GetInt64(0))?.AddOwner(reader.GetInt64(1));
        }

        await using (var command = new MySqlCommand(TunedQueries.RecentWatchers, connection))
        {
            command.Parameters.AddWithValue("@Since", clock.UtcNow() - ContractTimes.WatcherWindow);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rooms.Find(reader.GetInt64(0))?.Notifier.Restore(reader.GetInt64(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
