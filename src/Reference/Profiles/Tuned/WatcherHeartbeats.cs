using System.Text;
using IsuBench.Reference.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// Keeps watcher heartbeats for every open stream: every <see cref="Interval"/> it refreshes them in memory (where
/// watcher counts are read), pushes changed counts, and writes all refreshed rows to <c>room_watchers</c> in one
/// batched upsert instead of one write per stream.
/// </summary>
internal sealed class WatcherHeartbeats(RoomCache rooms, MySqlDataSource dataSource, MicrosecondClock clock, TimeProvider timeProvider,
    ILogger<WatcherHeartbeats> logger) : BackgroundService
{
    /// <summary>Time between refreshes; under the contract's 500 ms.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

    /// <summary>Rows per upsert statement.</summary>
    public const int RowsPerStatement = 1000;

    /// <summary>One refresh of every room with open streams or live heartbeats; returns the beats written.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        var beats = new List<WatcherBeat>();
        foreach (var room in rooms.All)
        {
            if (!room.Notifier.IsIdle) room.Notifier.Tick(room.Id, now, beats);
        }
        for (var start = 0; start < beats.Count; start += RowsPerStatement)
            await WriteAsync(beats.GetRange(start, Math.Min(RowsPerStatement, beats.Count - start)), cancellationToken);
        return beats.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (MySqlException e)
                {
                    // Counts in memory stay right; the rows catch up on a later tick.
                    logger.LogWarning(e, "watcher heartbeats not written");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Streams never end by themselves: end them so that the server's shutdown does not wait for clients.
        foreach (var room in rooms.All) room.Notifier.CompleteAll();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<WatcherBeat> beats, CancellationToken cancellationToken)
    {
        if (beats.Count == 0) return;
        var sql = new StringBuilder(TunedQueries.UpsertWatchersHead, TunedQueries.UpsertWatchersHead.Length + beats.Count * 12 + 64);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        for (var i = 0; i < beats.Count; i++)
        {
            sql.Append(i == 0 ? "(?,?,?,?)" : ",(?,?,?,?)");
            command.Parameters.Add(new MySqlParameter { Value = beats[i].RoomId });
            command.Parameters.Add(new MySqlParameter { Value = beats[i].TokenId });
            command.Parameters.Add(new MySqlParameter { Value = beats[i].At });
            command.Parameters.Add(new MySqlParameter { Value = beats[i].At });
        }
        command.CommandText = sql.Append(TunedQueries.UpsertWatchersTail).ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
