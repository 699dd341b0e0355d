using Dapper;
using IsuBench.Data;
using IsuBench.Reference.DataSet;
using MySqlConnector;

namespace IsuBench.Integration.DataSet;

/// <summary>
/// The data set's rows as loaded into MariaDB, each test in a small database of its own (the full load:
/// <see cref="FullDataSetLoadTests"/>).
/// </summary>
public sealed class DataSetLoadTests
{
    [Fact]
    public async Task Five_rooms_load_with_the_generated_rows()
    {
        var connectionString = await SharedMariaDbDatabase("dataset_five_rooms");
        var generator = DataSetGenerator.WithIsuStrokes(42, 5);

        var counts = await new DataSetLoader(generator).LoadAsync(connectionString, CancellationToken.None);

        Assert.Equal(new DataSetCounts(5, 205, 7215, 250, 250, 5), counts);
        await using var connection = new MySqlConnection(connectionString);
        var room = await connection.QuerySingleAsync<(long Id, string Name, int W, int H, DateTime CreatedAt)>(
            "SELECT id, name, canvas_width, canvas_height, created_at FROM rooms WHERE id = 1");
        var expectedRoom = generator.Rooms().First();
        Assert.Equal((expectedRoom.Id, expectedRoom.Name, 1028, 768, expectedRoom.CreatedAt), (room.Id, room.Name, room.W, room.H, DateTime.SpecifyKind(room.CreatedAt, DateTimeKind.Utc)));

        var pointsPerStroke = (await connection.QueryAsync<(long StrokeId, int Points)>(
            "SELECT s.id, COUNT(p.id) FROM strokes s JOIN points p ON p.stroke_id = s.id WHERE s.room_id = 1 GROUP BY s.id ORDER BY s.id")).ToList();
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), pointsPerStroke.Select(p => p.StrokeId));
        Assert.Equal(SeedStrokes.Load("isu").Select(s => s.Points.Count), pointsPerStroke.Select(p => p.Points));

        // Values survive the text format exactly: decimals, microseconds, hex tokens.
        var stroke = await connection.QuerySingleAsync<(int Width, int Red, decimal Alpha, DateTime CreatedAt)>(
            "SELECT width, red, alpha, created_at FROM strokes WHERE id = 42");
        var expectedStroke = generator.Strokes().Single(s => s.Id == 42);
        Assert.Equal((expectedStroke.Width, expectedStroke.Red, expectedStroke.Alpha, expectedStroke.CreatedAt),
            (stroke.Width, stroke.Red, stroke.Alpha, DateTime.SpecifyKind(stroke.CreatedAt, DateTimeKind.Utc)));
        var lastPoint = await connection.QuerySingleAsync<(long Id, long StrokeId, decimal X, decimal Y)>(
            "SELECT id, stroke_id, x, y FROM points ORDER BY id DESC LIMIT 1");
        var expectedPoint = generator.Points().Last();
        Assert.Equal((expectedPoint.Id, expectedPoint.StrokeId, expectedPoint.X, expectedPoint.Y), lastPoint);
        var token = await connection.QuerySingleAsync<string>("SELECT csrf_token FROM tokens WHERE id = 250");
        Assert.Equal(generator.Tokens().Last().CsrfToken, token);
        var watcher = await connection.QuerySingleAsync<(long RoomId, DateTime CreatedAt, DateTime UpdatedAt)>(
            "SELECT room_id, created_at, updated_at FROM room_watchers WHERE token_id = 7");
        var expectedWatcher = generator.RoomWatchers().Single(w => w.TokenId == 7);
        Assert.Equal((expectedWatcher.RoomId, expectedWatcher.CreatedAt, expectedWatcher.UpdatedAt),
            (watcher.RoomId, DateTime.SpecifyKind(watcher.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(watcher.UpdatedAt, DateTimeKind.Utc)));
        var owners = (await connection.QueryAsync<(long RoomId, long TokenId)>("SELECT room_id, token_id FROM room_owners ORDER BY room_id")).ToList();
        Assert.Equal(generator.RoomOwners().Select(o => (o.RoomId, o.TokenId)), owners);
    }

    [Fact]
    public async Task Loading_again_replaces_the_rows_and_new_ids_follow_the_data()
    {
        var connectionString = await SharedMariaDbDatabase("dataset_reload");
        await new DataSetLoader(DataSetGenerator.WithIsuStrokes(1, 3)).LoadAsync(connectionString, CancellationToken.None);
        await using (var connection = new MySqlConnection(connectionString))
            await connection.ExecuteAsync("INSERT INTO rooms (name, canvas_width, canvas_height) VALUES ('extra', 10, 10)");

        var counts = await new DataSetLoader(DataSetGenerator.WithIsuStrokes(2, 2)).LoadAsync(connectionString, CancellationToken.None);

        Assert.Equal(new DataSetCounts(2, 82, 2886, 100, 100, 2), counts);
        await using (var connection = new MySqlConnection(connectionString))
        {
            var roomId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO rooms (name, canvas_width, canvas_height) VALUES ('new', 10, 10); SELECT LAST_INSERT_ID();");
            Assert.Equal(3, roomId);
            var strokeId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO strokes (room_id, width, red, green, blue, alpha) VALUES (3, 10, 1, 1, 1, 0.5); SELECT LAST_INSERT_ID();");
            Assert.Equal(83, strokeId);
            var pointId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO points (stroke_id, x, y) VALUES (83, 1, 1); SELECT LAST_INSERT_ID();");
            Assert.Equal(2887, pointId);
        }
    }

    private static Task<string> SharedMariaDbDatabase(string name) => Infrastructure.SharedMariaDb.CreateDatabaseAsync(name);
}
