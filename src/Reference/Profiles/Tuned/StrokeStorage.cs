using System.Text;
using IsuBench.Reference.Domain;
using MySqlConnector;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>Strokes and points in the database: a room's history in two queries, a new stroke in one transaction with one multi-row point insert.</summary>
internal sealed class StrokeStorage(MySqlDataSource dataSource)
{
    /// <summary>Every stroke of the room in id order, each with its points in id order.</summary>
    public async Task<List<CachedStroke>> LoadRoomAsync(long roomId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<(long Id, byte Width, byte Red, byte Green, byte Blue, decimal Alpha, DateTime CreatedAt)>();
        await using (var command = new MySqlCommand(TunedQueries.StrokesOfRoom, connection))
        {
            command.Parameters.AddWithValue("@RoomId", roomId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetByte(1), reader.GetByte(2), reader.GetByte(3), reader.GetByte(4), reader.GetDecimal(5), reader.GetDateTime(6)));
        }

        var pointsByStroke = new Dictionary<long, List<Point>>(rows.Count);
        await using (var command = new MySqlCommand(TunedQueries.PointsOfRoom, connection))
        {
            command.Parameters.AddWithValue("@RoomId", roomId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            List<Point>? current = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var strokeId = reader.GetInt64(1);
                if (current is null || current[0].StrokeId != strokeId)
                {
                    current = [];
                    pointsByStroke[strokeId] = current;
                }
                current.Add(new Point(reader.GetInt64(0), strokeId, (double)reader.GetDecimal(2), (double)reader.GetDecimal(3)));
            }
        }

        var strokes = new List<CachedStroke>(rows.Count);
        foreach (var row in rows)
        {
            IReadOnlyList<Point> points = pointsByStroke.TryGetValue(row.Id, out var found) ? found : [];
            strokes.Add(new CachedStroke(new Stroke(row.Id, roomId, row.Width, row.Red, row.Green, row.Blue, (double)row.Alpha,
                DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), points)));
        }
        return strokes;
    }

    /// <summary>The room's stroke count and newest stroke id, as the database has them.</summary>
    public async Task<(int Count, long LastStrokeId)> SummarizeRoomAsync(long roomId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(TunedQueries.StrokeSummaryOfRoom, connection);
        command.Parameters.AddWithValue("@RoomId", roomId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Stores the stroke and all its points in one transaction and returns it as stored (ids included).</summary>
    public async Task<Stroke> InsertAsync(long roomId, NewStroke stroke, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long strokeId;
        await using (var command = new MySqlCommand(TunedQueries.InsertStroke, connection, transaction))
        {
            command.Parameters.AddWithValue("@RoomId", roomId);
            command.Parameters.AddWithValue("@Width", stroke.Width);
            command.Parameters.AddWithValue("@Red", stroke.Red);
            command.Parameters.AddWithValue("@Green", stroke.Green);
            command.Parameters.AddWithValue("@Blue", stroke.Blue);
            command.Parameters.AddWithValue("@Alpha", stroke.Alpha);
            command.Parameters.AddWithValue("@Now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
            strokeId = command.LastInsertedId;
        }

        await using (var command = InsertPointsCommand(connection, transaction, strokeId, stroke.Points))
            await command.ExecuteNonQueryAsync(cancellationToken);

        // The ids as the database assigned them (not assumed consecutive: that depends on the server's auto-increment mode).
        var points = new Point[stroke.Points.Count];
        await using (var command = new MySqlCommand(TunedQueries.PointIdsOfStroke, connection, transaction))
        {
            command.Parameters.AddWithValue("@StrokeId", strokeId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var i = 0;
            while (await reader.ReadAsync(cancellationToken) && i < points.Length)
            {
                var point = stroke.Points[i];
                points[i++] = new Point(reader.GetInt64(0), strokeId, (double)point.X, (double)point.Y);
            }
            if (i != points.Length) throw new InvalidOperationException($"stroke {strokeId}: {i} of {points.Length} points read back");
        }
        await transaction.CommitAsync(cancellationToken);
        return new Stroke(strokeId, roomId, stroke.Width, stroke.Red, stroke.Green, stroke.Blue, (double)stroke.Alpha, now, points);
    }

    private static MySqlCommand InsertPointsCommand(MySqlConnection connection, MySqlTransaction transaction, long strokeId, IReadOnlyList<NewPoint> points)
    {
        var sql = new StringBuilder(TunedQueries.InsertPointsHead, TunedQueries.InsertPointsHead.Length + points.Count * 8);
        var command = new MySqlCommand { Connection = connection, Transaction = transaction };
        for (var i = 0; i < points.Count; i++)
        {
            sql.Append(i == 0 ? "(?,?,?)" : ",(?,?,?)");
            command.Parameters.Add(new MySqlParameter { Value = strokeId });
            command.Parameters.Add(new MySqlParameter { Value = points[i].X });
            command.Parameters.Add(new MySqlParameter { Value = points[i].Y });
        }
        command.CommandText = sql.ToString();
        return command;
    }
}
