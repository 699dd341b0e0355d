using IsuBench.Data;

namespace IsuBench.Reference.DataSet;

/// <summary>
/// The initial data set of docs/contract.md §1.2, generated deterministically: the same seed and size give the same rows,
/// whatever the order or the parallelism in which the tables are asked for (each table, and each room's strokes
/// and points, draws from a random stream of its own derived from the seed).
/// </summary>
public sealed class DataSetGenerator
{
    /// <summary>The full data set's room count.</summary>
    public const int DefaultRooms = 1000;
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 42;
    /// <summary>Tokens (and room_watchers rows) per room: 50,000 for the full 1000 rooms.</summary>
    public const int TokensPerRoom = 50;
    /// <summary>Canvas width of every initial room.</summary>
    public const int CanvasWidth = 1028;
    /// <summary>Canvas height of every initial room.</summary>
    public const int CanvasHeight = 768;

    /// <summary>Every timestamp of the data set counts from here (2016-09-22 00:00:00 UTC).</summary>
    public static readonly DateTime Epoch = new(2016, 9, 22, 0, 0, 0, DateTimeKind.Utc);

    private static readonly decimal[] Jitter = [-1.5m, -0.5m, 0.5m];
    // The 41 strokes of one room fit in the second after the room's own second, 24 ms apart, so created_at grows with the stroke id.
    private const long StrokeSlotMicroseconds = 24_000;

    private readonly int _seed;
    private readonly IReadOnlyList<SeedStroke> _strokes;
    private readonly int _pointsPerRoom;
    private readonly DateTime[] _roomCreatedAt;

    /// <summary>A generator for <paramref name="rooms"/> rooms, each drawn with <paramref name="strokes"/> (the <c>isu</c> shape in the real data set).</summary>
    public DataSetGenerator(int seed, int rooms, IReadOnlyList<SeedStroke> strokes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rooms, 1);
        ArgumentOutOfRangeException.ThrowIfZero(strokes.Count);
        _seed = seed;
        _strokes = strokes;
        _pointsPerRoom = strokes.Sum(s => s.Points.Count);
        RoomCount = rooms;
        _roomCreatedAt = new DateTime[rooms + 1];
        for (var id = 1; id <= rooms; id++)
        {
            var random = RandomFor(Stream.Rooms, id);
            _roomCreatedAt[id] = Epoch.AddSeconds(id).AddTicks(random.Next(0, 1_000_000) * TimeSpan.TicksPerMicrosecond);
        }
    }

    /// <summary>The generator of the real data set: <c>isu</c> strokes in every room.</summary>
    public static DataSetGenerator WithIsuStrokes(int seed, int rooms) => new(seed, rooms, SeedStrokes.Load("isu"));

    /// <summary>Number of rooms.</summary>
    public int RoomCount { get; }

    /// <summary>Number of tokens, equal to the number of room_watchers rows.</summary>
    public int TokenCount => RoomCount * TokensPerRoom;

    /// <summary>Strokes drawn in each room.</summary>
    public int StrokesPerRoom => _strokes.Count;

    /// <summary>Points drawn in each room.</summary>
    public int PointsPerRoom => _pointsPerRoom;

    /// <summary>The rows each table will get.</summary>
    public DataSetCounts Counts => new(
        RoomCount, (long)RoomCount * StrokesPerRoom, (long)RoomCount * PointsPerRoom, TokenCount, TokenCount, RoomCount);

    /// <summary>Rooms 1..N: <c>ひたすら椅子を描く部屋【id】</c>, 1028x768, created at epoch + id s + random µs.</summary>
    public IEnumerable<RoomRow> Rooms()
    {
        for (var id = 1; id <= RoomCount; id++)
            yield return new RoomRow(id, $"ひたすら椅子を描く部屋【{id}】", CanvasWidth, CanvasHeight, _roomCreatedAt[id]);
    }

    /// <summary>
    /// The strokes of rooms <paramref name="firstRoom"/>..<paramref name="lastRoom"/> (all rooms when omitted), in id order:
    /// room r's k-th stroke (k from 0) has id (r-1)*strokesPerRoom + k + 1 and is created in the second after the room.
    /// </summary>
    public IEnumerable<StrokeRow> Strokes(int firstRoom = 1, int lastRoom = int.MaxValue)
    {
        lastRoom = Math.Min(lastRoom, RoomCount);
        for (var roomId = firstRoom; roomId <= lastRoom; roomId++)
        {
            var random = RandomFor(Stream.Strokes, roomId);
            var firstStrokeAt = Epoch.AddSeconds(roomId + 1);
            for (var k = 0; k < _strokes.Count; k++)
            {
                var width = random.Next(10, 50);
                var red = random.Next(100, 200);
                var green = random.Next(100, 200);
                var blue = random.Next(100, 200);
                var alpha = random.Next(5, 10) / 10m;
                var micros = k * StrokeSlotMicroseconds + random.Next(0, (int)StrokeSlotMicroseconds);
                yield return new StrokeRow(StrokeId(roomId, k), roomId, width, red, green, blue, alpha,
                    firstStrokeAt.AddTicks(micros * TimeSpan.TicksPerMicrosecond));
            }
        }
    }

    /// <summary>
    /// The points of rooms <paramref name="firstRoom"/>..<paramref name="lastRoom"/> in id order: the seed strokes' points,
    /// x and y each moved by -1.5, -0.5 or +0.5.
    /// </summary>
    public IEnumerable<PointRow> Points(int firstRoom = 1, int lastRoom = int.MaxValue)
    {
        lastRoom = Math.Min(lastRoom, RoomCount);
        for (var roomId = firstRoom; roomId <= lastRoom; roomId++)
        {
            var random = RandomFor(Stream.Points, roomId);
            var pointId = (long)(roomId - 1) * _pointsPerRoom;
            for (var k = 0; k < _strokes.Count; k++)
            {
                var strokeId = StrokeId(roomId, k);
                foreach (var point in _strokes[k].Points)
                {
                    var x = point.X + Jitter[random.Next(Jitter.Length)];
                    var y = point.Y + Jitter[random.Next(Jitter.Length)];
                    yield return new PointRow(++pointId, strokeId, x, y);
                }
            }
        }
    }

    /// <summary>Tokens 1..N: 64 random lowercase hex characters each, all distinct, created at epoch + id s.</summary>
    public IEnumerable<TokenRow> Tokens()
    {
        var random = RandomFor(Stream.Tokens, 0);
        var seen = new HashSet<string>(TokenCount, StringComparer.Ordinal);
        var bytes = new byte[32];
        for (var id = 1; id <= TokenCount; id++)
        {
            string token;
            do
            {
                random.NextBytes(bytes);
                token = Convert.ToHexStringLower(bytes);
            } while (!seen.Add(token));
            yield return new TokenRow(id, token, TokenCreatedAt(id));
        }
    }

    /// <summary>
    /// Token i watches one random room; created_at is 1..60 s after both the token and the room exist,
    /// updated_at 0..60 s after created_at (all long before "now", so none counts as a live watcher).
    /// </summary>
    public IEnumerable<RoomWatcherRow> RoomWatchers()
    {
        var random = RandomFor(Stream.RoomWatchers, 0);
        for (var tokenId = 1; tokenId <= TokenCount; tokenId++)
        {
            var roomId = random.Next(1, RoomCount + 1);
            var bothExist = Max(TokenCreatedAt(tokenId), _roomCreatedAt[roomId]);
            var createdAt = bothExist.AddTicks(random.NextInt64(1_000_000, 60_000_001) * TimeSpan.TicksPerMicrosecond);
            var updatedAt = createdAt.AddTicks(random.NextInt64(0, 60_000_001) * TimeSpan.TicksPerMicrosecond);
            yield return new RoomWatcherRow(roomId, tokenId, createdAt, updatedAt);
        }
    }

    /// <summary>
    /// One owner per room: a random token with id at most the room's id. Token t is created at epoch + t s and
    /// room r at epoch + r s + µs, so the owner always existed before its room.
    /// </summary>
    public IEnumerable<RoomOwnerRow> RoomOwners()
    {
        var random = RandomFor(Stream.RoomOwners, 0);
        for (var roomId = 1; roomId <= RoomCount; roomId++)
            yield return new RoomOwnerRow(roomId, random.Next(1, Math.Min(roomId, TokenCount) + 1));
    }

    /// <summary>When room <paramref name="roomId"/> was created.</summary>
    public DateTime RoomCreatedAt(long roomId) => _roomCreatedAt[roomId];

    /// <summary>When token <paramref name="tokenId"/> was created.</summary>
    public static DateTime TokenCreatedAt(long tokenId) => Epoch.AddSeconds(tokenId);

    private long StrokeId(int roomId, int k) => (long)(roomId - 1) * _strokes.Count + k + 1;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private enum Stream { Rooms = 1, Strokes, Points, Tokens, RoomWatchers, RoomOwners }

    // System.Random with an explicit seed uses a fixed algorithm, so sequences are stable across runtimes.
    // SplitMix64 spreads (seed, stream, index) into independent, well-mixed seeds.
    private Random RandomFor(Stream stream, int index)
    {
        var z = unchecked((ulong)_seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random((int)(z & 0x7FFF_FFFF));
    }
}
