using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Reliability;

/// <summary>The rows the fuzz requests refer to: tokens of every kind and two rooms.</summary>
public sealed record FuzzWorld(string OwnerToken, string OtherToken, string ExpiredToken, long DrawnRoom, long EmptyRoom);

/// <summary>
/// Generates hostile and malformed requests for every endpoint of the reference from a seed, each with the answer it
/// must get. Cheap families are cycled to reach the requested count; costly ones (megabyte bodies, slow clients,
/// broken framing) are added a bounded number of times.
/// </summary>
public sealed class HostileRequestGenerator(FuzzWorld world, int seed)
{
    private readonly Random _random = new(seed);
    private int _index;

    /// <summary>Names that are valid and must be stored exactly as sent: SQL, markup, scripts of every kind.</summary>
    private static readonly string[] ValidHostileNames =
    [
        "'; DROP TABLE rooms; --", "\" OR \"1\"=\"1", "Robert'); DELETE FROM strokes WHERE ('1'='1", "%' OR 1=1 #",
        "1; SELECT SLEEP(10)", "\\'\\\"\\\\", "\\N", "NULL", "null", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "{{7*7}}", "🪑🎨👩‍👩‍👧‍👦", "مرحبا بالعالم", "ｈｅｌｌｏ", "e\u0301\u0301\u0301", "line\u2028separator\u2029",
        "\uFEFFbom", "\uFFFF\uFFFE", " ", "ひたすら椅子を描く部屋【1】", "a\u200Bb\u200Dc", "' UNION SELECT csrf_token FROM tokens --",
        string.Concat(Enumerable.Repeat("🪑", 255)), new string('x', 255),
    ];

    private static readonly string[] BadIntegers =
        ["\"10\"", "10.5", "true", "null", "[]", "{}", "-1", "4294967296", "99999999999999999999999", "1e400", "-1e400", "\"\""];

    private static readonly string[] NotJsonNumbers = ["NaN", "Infinity", "0x10", "010", "+1", ".5", "1.", "--1"];

    /// <summary>Ids that name no room: malformed, signed, overflowing, encoded, or simply unknown.</summary>
    private static readonly string[] HostileIds =
    [
        "abc", "0", "-1", "+1", "1.0", "1e3", "0x1", "%201", "99999999999999999999", "9223372036854775807",
        "9223372036854775808", "%EF%BC%91", "1%00", "1;DROP%20TABLE%20rooms", "'%20OR%201=1%20--", "%F0%9F%AA%91",
        "%FF%FE", new string('9', 2000), "987654321", "%27", "null", "undefined", "1,2",
    ];

    /// <summary><paramref name="count"/> cheap cases cycling through every family, then the bounded costly ones.</summary>
    public IReadOnlyList<FuzzCase> Generate(int count)
    {
        Func<FuzzCase>[] cheap =
        [
            ValidRoom, RoomWithControlCharacter, RoomWithWrongType, RoomWithBrokenJson, RoomWithInvalidUtf8,
            RoomWithBadToken, RoomNameTooLong, NonObjectBody, ValidStroke, StrokeWithWrongType, StrokeWithBadPoints,
            StrokeWithBrokenJson, StrokeWithBadToken, StrokeToUnknownRoom, FirstStrokeByNonOwner, WrongContentType,
            TokenRequest, RoomLookup, WrongMethod, UnknownRoute, Page, StreamWithBadToken, StreamToUnknownRoom,
        ];
        var cases = new List<FuzzCase>();
        for (var i = 0; i < count; i++) cases.Add(cheap[i % cheap.Length]());
        cases.AddRange(Costly());
        return cases;
    }

    private IEnumerable<FuzzCase> Costly()
    {
        // Over 1 MiB: refused whatever the framing.
        var bigName = Json(new { name = new string('a', 2 * 1024 * 1024), canvas_width = 10, canvas_height = 10 });
        yield return Case("huge-body", "POST", "/api/rooms", FuzzExpectation.Rejected, 413) with { Body = bigName, Headers = Token(world.OwnerToken) };
        yield return Case("huge-body", "POST", StrokePath(), FuzzExpectation.Rejected, 413) with { Body = StrokeBody(60_000), Headers = Token(world.OwnerToken) };
        yield return Case("huge-body-chunked", "POST", "/api/rooms", FuzzExpectation.Rejected, 413) with { Body = bigName, Headers = [.. Token(world.OwnerToken), new("Transfer-Encoding", "chunked")] };
        yield return Case("huge-declared-length", "POST", "/api/rooms", FuzzExpectation.Rejected, 413) with { Transport = FuzzTransport.Raw, Headers = [.. Token(world.OwnerToken), new("Content-Length", "1073741824")], Body = [] };
        // Within the size limit but over the point limit.
        for (var i = 0; i < 2; i++)
            yield return Case("too-many-points", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { Body = StrokeBody(10_001), Headers = Token(world.OwnerToken) };

        // Slow clients: a body one byte every 10 ms (about a second each); the valid ones must still be stored.
        for (var i = 0; i < 3; i++)
        {
            var points = 1 + _random.Next(3);
            yield return Case("slow-valid-stroke", "POST", StrokePath(), FuzzExpectation.Accepted, 200) with { Transport = FuzzTransport.Trickle, Body = StrokeBody(points), Headers = Token(world.OwnerToken), Writes = StrokeWrites(points), PointCount = points };
        }
        var slowName = ValidHostileNames[_random.Next(8)];
        yield return Case("slow-valid-room", "POST", "/api/rooms", FuzzExpectation.Accepted, 200) with { Transport = FuzzTransport.Trickle, Body = RoomBody(slowName), Headers = Token(world.OwnerToken), Writes = RoomWrites, RoomName = slowName };
        yield return Case("slow-broken-json", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Transport = FuzzTransport.Trickle, Body = Encoding.UTF8.GetBytes("{\"name\":\"slow\",\"canvas_width\":"), Headers = Token(world.OwnerToken) };
        // A client that stops sending mid-body is cut off by the minimum data rate (after its grace period).
        yield return Case("stalled-body", "POST", StrokePath(), FuzzExpectation.Rejected, 408) with { Transport = FuzzTransport.Stalled, Body = StrokeBody(5), Headers = Token(world.OwnerToken) };

        // Bodies shorter than declared, then the client half-closes.
        foreach (var (path, body) in new[] { ("/api/rooms", RoomBody("cut")), (StrokePath(), StrokeBody(4)) })
            yield return Case("truncated-body", "POST", path, FuzzExpectation.DroppedOrRejected, 400) with { Transport = FuzzTransport.Truncated, Body = body, Headers = Token(world.OwnerToken) };

        // Tokens HttpClient will not send: control and non-ASCII bytes in the header value.
        foreach (var token in new[] { "abc\u0001def", world.OwnerToken[..32] + "\u00e9" + world.OwnerToken[33..], "x\u007f" })
            yield return Case("raw-bad-token", "POST", "/api/rooms", FuzzExpectation.RejectedByProtocol, 400) with { Transport = FuzzTransport.Raw, Body = RoomBody("raw"), Headers = Token(token) };

        // Broken HTTP framing.
        string[] broken =
        [
            "GARBAGE\r\n\r\n",
            "GET /api/rooms HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET /api/rooms" + new string('a', 20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/rooms HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"X-H{i}: v\r\n")) + "\r\n",
            "GET /api/rooms HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('b', 40_000) + "\r\n\r\n",
            "GET /api/rooms HTTP/1.1\r\nHost: x\r\nBad Header: v\r\n\r\n",
            "POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
            $"POST /api/rooms HTTP/1.1\r\nHost: x\r\nx-csrf-token: {world.OwnerToken}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n",
            "GET /api/rooms HTTP/1.1\r\n\r\n",
            "GET /api/ro\0oms HTTP/1.1\r\nHost: x\r\n\r\n",
            // Headers that never end (slowloris): cut off by the request-headers timeout.
            "POST /api/rooms HTTP/1.1\r\nHost: x\r\nX-Slow: still typing",
        ];
        foreach (var request in broken)
            yield return Case("broken-framing", "RAW", request.Split("\r\n")[0], FuzzExpectation.RejectedByProtocol, request.Contains("HTTP/9.9") ? 505 : request.Contains("X-Slow") ? 408 : 400) with { Transport = FuzzTransport.Bytes, RawRequest = Encoding.Latin1.GetBytes(request) };
    }

    private FuzzCase ValidRoom()
    {
        var name = _random.Next(3) == 0 ? RandomUnicodeName() : Pick(ValidHostileNames);
        return Case("valid-room", "POST", "/api/rooms", FuzzExpectation.Accepted, 200) with { Body = RoomBody(name, 1 + _random.Next(10_000), 1 + _random.Next(10_000)), Headers = Token(PickValidToken()), Writes = RoomWrites, RoomName = name };
    }

    private FuzzCase RoomWithControlCharacter()
    {
        var control = (char)Pick([.. Enumerable.Range(0, 0x20), .. Enumerable.Range(0x7F, 0x21)]);
        var name = Pick(ValidHostileNames[..12]);
        name = name.Insert(_random.Next(name.Length + 1), control.ToString());
        return Case("room-control-char", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = RoomBody(name), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase RoomWithWrongType()
    {
        var value = Pick([.. BadIntegers, "0", "10001", "-0"]);
        var field = _random.Next(3);
        var text = field switch
        {
            0 => $$"""{"name":{{Pick(["5", "null", "true", "[\"a\"]", "{}", "1e400"])}},"canvas_width":10,"canvas_height":10}""",
            1 => $$"""{"name":"n","canvas_width":{{value}},"canvas_height":10}""",
            _ => $$"""{"name":"n","canvas_width":10,"canvas_height":{{value}}}""",
        };
        return Case("room-wrong-type", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = Encoding.UTF8.GetBytes(text), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase RoomWithBrokenJson() =>
        Case("room-broken-json", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = Break(Encoding.UTF8.GetString(RoomBody(Pick(ValidHostileNames)))), Headers = Token(world.OwnerToken) };

    private FuzzCase RoomWithInvalidUtf8()
    {
        byte[][] bad = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]];
        var prefix = "{\"name\":\"bad"u8.ToArray();
        var suffix = "\",\"canvas_width\":10,\"canvas_height\":10}"u8.ToArray();
        return Case("room-invalid-utf8", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = [.. prefix, .. Pick(bad), .. suffix], Headers = Token(world.OwnerToken) };
    }

    private FuzzCase RoomWithBadToken() =>
        Case("room-bad-token", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = RoomBody("valid name"), Headers = BadToken() };

    private FuzzCase RoomNameTooLong()
    {
        var name = string.Concat(Enumerable.Repeat(Pick(["a", "🪑", "椅", "é"]), 256 + _random.Next(500)));
        return Case("room-name-too-long", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { Body = RoomBody(name), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase NonObjectBody()
    {
        var body = Pick(["", "[]", "\"room\"", "null", "42", "true", "[{\"name\":\"a\"}]", new string('[', 100) + new string(']', 100),
            "{\"name\":" + new string('[', 50) + new string(']', 50) + "}", " "]);
        var path = _random.Next(2) == 0 ? "/api/rooms" : StrokePath();
        return Case("non-object-body", "POST", path, FuzzExpectation.Rejected, 400) with { Body = Encoding.UTF8.GetBytes(body), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase ValidStroke()
    {
        var points = 1 + _random.Next(40);
        return Case("valid-stroke", "POST", StrokePath(), FuzzExpectation.Accepted, 200) with { Body = StrokeBody(points, extraFields: _random.Next(3) == 0), Headers = Token(PickValidToken()), Writes = StrokeWrites(points), PointCount = points };
    }

    private FuzzCase StrokeWithWrongType()
    {
        var field = Pick(["width", "red", "green", "blue", "alpha"]);
        var value = field switch
        {
            "width" => Pick([.. BadIntegers, "0", "256"]),
            "alpha" => Pick(["-0.01", "1.01", "\"0.5\"", "null", "true", "1e400", "[]", "{}", "2"]),
            _ => Pick([.. BadIntegers, "256"]),
        };
        var fields = new Dictionary<string, string> { ["width"] = "10", ["red"] = "1", ["green"] = "2", ["blue"] = "3", ["alpha"] = "0.5" };
        if (_random.Next(4) == 0) fields.Remove(field);
        else fields[field] = value;
        var text = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + ",\"points\":[{\"x\":1,\"y\":2}]}";
        return Case("stroke-wrong-type", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { Body = Encoding.UTF8.GetBytes(text), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase StrokeWithBadPoints()
    {
        var points = Pick([
            "[]", "{}", "\"x\"", "null", "[1,2]", "[null]", "[{\"x\":1}]", "[{\"y\":1}]", "[{\"x\":\"1\",\"y\":2}]",
            "[{\"x\":1000000,\"y\":0}]", "[{\"x\":0,\"y\":-1000000}]", "[{\"x\":1e400,\"y\":0}]", "[{\"x\":1e308,\"y\":0}]",
            "[{\"x\":0,\"y\":-1e308}]", "[{\"x\":999999.99999,\"y\":0}]", "[{\"x\":1,\"y\":2},{\"x\":true,\"y\":2}]",
            "[{\"x\":[1],\"y\":2}]", "[[1,2]]", "[{\"x\":1,\"y\":{\"y\":{\"y\":{\"y\":{\"y\":{\"y\":{\"y\":{\"y\":1}}}}}}}}]",
        ]);
        var text = $"{{\"width\":10,\"red\":1,\"green\":2,\"blue\":3,\"alpha\":0.5,\"points\":{points}}}";
        return Case("stroke-bad-points", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { Body = Encoding.UTF8.GetBytes(text), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase StrokeWithBrokenJson() =>
        Case("stroke-broken-json", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { Body = Break(Encoding.UTF8.GetString(StrokeBody(1 + _random.Next(5)))), Headers = Token(world.OwnerToken) };

    private FuzzCase StrokeWithBadToken() =>
        Case("stroke-bad-token", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { Body = StrokeBody(2), Headers = BadToken() };

    private FuzzCase StrokeToUnknownRoom() =>
        Case("stroke-unknown-room", "POST", $"/api/strokes/rooms/{Pick(HostileIds)}", FuzzExpectation.Rejected, 404) with { Body = StrokeBody(2), Headers = Token(world.OwnerToken) };

    private FuzzCase FirstStrokeByNonOwner() =>
        Case("first-stroke-not-owner", "POST", $"/api/strokes/rooms/{world.EmptyRoom}", FuzzExpectation.Rejected, 400) with { Body = StrokeBody(2), Headers = Token(world.OtherToken) };

    private FuzzCase WrongContentType()
    {
        var contentType = Pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "image/png", "application/json; charset=latin1"]);
        return _random.Next(3) switch
        {
            // The server reads the body as JSON whatever its declared type, as the original did: a JSON object is accepted.
            0 => Case("wrong-content-type-json-body", "POST", "/api/rooms", FuzzExpectation.Accepted, 200) with { ContentType = contentType, Body = RoomBody("typed"), Headers = Token(world.OwnerToken), Writes = RoomWrites, RoomName = "typed" },
            1 => Case("wrong-content-type-form", "POST", "/api/rooms", FuzzExpectation.Rejected, 400) with { ContentType = "application/x-www-form-urlencoded", Body = "name=a&canvas_width=10&canvas_height=10"u8.ToArray(), Headers = Token(world.OwnerToken) },
            _ => Case("wrong-content-type-xml", "POST", StrokePath(), FuzzExpectation.Rejected, 400) with { ContentType = contentType, Body = "<stroke width=\"10\"><point x=\"1\" y=\"2\"/></stroke>"u8.ToArray(), Headers = Token(world.OwnerToken) },
        };
    }

    private FuzzCase TokenRequest()
    {
        // The token endpoint reads no body: whatever is sent, a token is made.
        var body = Pick(["", "{}", "garbage", "{\"token\":\"mine\"}", "\u0000\u0001"]);
        return Case("token", "POST", "/api/csrf_token" + Pick(["", "?x=1", "?token=%27%20OR%201=1"]), FuzzExpectation.Accepted, 200) with { Body = Encoding.UTF8.GetBytes(body), ContentType = Pick<string?>(["application/json", "text/plain", null]), Writes = RowChanges.None with { Tokens = 1 } };
    }

    private FuzzCase RoomLookup() => _random.Next(4) switch
    {
        0 => Case("room-lookup-valid", "GET", $"/api/rooms/{world.DrawnRoom}", FuzzExpectation.Accepted, 200),
        1 => Case("room-list", "GET", "/api/rooms" + Pick(["", "?limit=-1", "?id=1%27%20OR%201=1", "?" + new string('q', 4000)]), FuzzExpectation.Accepted, 200),
        _ => Case("room-lookup-unknown", "GET", $"/api/rooms/{Pick(HostileIds)}", FuzzExpectation.Rejected, 404),
    };

    private FuzzCase WrongMethod()
    {
        var (method, path) = Pick([
            ("GET", "/api/csrf_token"), ("PUT", "/api/csrf_token"), ("DELETE", "/api/rooms"), ("PATCH", "/api/rooms"),
            ("PUT", $"/api/rooms/{world.DrawnRoom}"), ("DELETE", $"/api/rooms/{world.DrawnRoom}"), ("GET", StrokePath()),
            ("PUT", StrokePath()), ("POST", $"/api/stream/rooms/{world.DrawnRoom}"), ("OPTIONS", "/api/rooms"), ("TRACE", "/api/rooms"),
            ("FOO", "/api/rooms"), ("DELETE", $"/img/{world.DrawnRoom}"),
        ]);
        return Case("wrong-method", method, path, FuzzExpectation.Rejected, 405) with { Body = method is "GET" or "TRACE" ? null : RoomBody("m"), Headers = Token(world.OwnerToken) };
    }

    private FuzzCase UnknownRoute()
    {
        // Method first, then path: the seeded cases stay the ones they were.
        var method = Pick(["GET", "POST"]);
        var path = Pick([
            "/api/rooms/1/strokes", "/api/nothing", "/api/rooms%00", "/.env", "/wp-admin/", "/api/stream/rooms", "/api/strokes/rooms",
            "/api/stream/rooms/1/x", "/img", "/api/csrf_token/x", "/%F0%9F%AA%91", "/api/rooms/1%2F2",
        ]);
        return Case("unknown-route", method, path, FuzzExpectation.Rejected, 404) with { Body = null, Headers = Token(world.OwnerToken) };
    }

    private FuzzCase Page() => _random.Next(5) switch
    {
        0 => Case("top-page", "GET", "/" + Pick(["", "?q=%3Cscript%3E", "?a=1&a=2"]), FuzzExpectation.Accepted, 200) with { Writes = RowChanges.None with { Tokens = 1 } },
        1 => Case("room-page", "GET", $"/rooms/{world.DrawnRoom}", FuzzExpectation.Accepted, 200) with { Writes = RowChanges.None with { Tokens = 1 } },
        2 => Case("room-page-unknown", "GET", $"/rooms/{Pick(HostileIds)}", FuzzExpectation.PageNotFound, 404),
        3 => Case("image", "GET", $"/img/{world.DrawnRoom}", FuzzExpectation.Accepted, 200),
        _ => Case("image-unknown", "GET", $"/img/{Pick(HostileIds)}", FuzzExpectation.Rejected, 404),
    };

    private FuzzCase StreamWithBadToken()
    {
        var token = Pick<string?>([null, "", "x", RandomHex(64), RandomHex(65), world.ExpiredToken, world.OwnerToken.ToUpperInvariant(),
            "' OR '1'='1", "%00", world.OwnerToken[..63], world.OwnerToken + "%00", "é"]);
        var query = token is null ? "" : "?csrf_token=" + (token.Contains('%') ? token : Uri.EscapeDataString(token));
        return Case("stream-bad-token", "GET", $"/api/stream/rooms/{world.DrawnRoom}{query}", FuzzExpectation.StreamRefused, 200);
    }

    private FuzzCase StreamToUnknownRoom() =>
        Case("stream-unknown-room", "GET", $"/api/stream/rooms/{Pick(HostileIds)}?csrf_token={world.OwnerToken}", FuzzExpectation.StreamRefused, 200);

    private FuzzCase Case(string family, string method, string path, FuzzExpectation expect, int status)
    {
        // Kestrel refuses a NUL in the decoded path itself (400, no body) before any route or endpoint sees it.
        if (path.Split('?')[0].Contains("%00", StringComparison.Ordinal) && expect != FuzzExpectation.Accepted)
            (expect, status) = (FuzzExpectation.RejectedByProtocol, 400);
        return new(_index++, family, method, path, expect, status);
    }

    private string StrokePath() => $"/api/strokes/rooms/{world.DrawnRoom}";

    private static readonly TableCounts RoomWrites = RowChanges.None with { Rooms = 1, RoomOwners = 1 };

    private static TableCounts StrokeWrites(int points) => RowChanges.None with { Strokes = 1, Points = points };

    private string PickValidToken() => _random.Next(2) == 0 ? world.OwnerToken : world.OtherToken;

    private KeyValuePair<string, string>[] BadToken()
    {
        string?[] tokens = [null, "", " ", "x", RandomHex(63), RandomHex(64), RandomHex(65), world.ExpiredToken,
            world.OwnerToken.ToUpperInvariant(), "' OR '1'='1", "'; DROP TABLE tokens; --", world.OwnerToken + ", " + world.OwnerToken,
            new string('a', 5000)];
        var token = Pick(tokens);
        return token is null ? [] : Token(token);
    }

    private static KeyValuePair<string, string>[] Token(string token) => [new("x-csrf-token", token)];

    private static byte[] RoomBody(string name, int width = 640, int height = 480) =>
        Json(new { name, canvas_width = width, canvas_height = height });

    private byte[] StrokeBody(int points, bool extraFields = false)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{{\"width\":{1 + _random.Next(255)},\"red\":{_random.Next(256)},\"green\":{_random.Next(256)},\"blue\":{_random.Next(256)},");
        builder.Append(CultureInfo.InvariantCulture, $"\"alpha\":{Math.Round(_random.NextDouble(), 3).ToString(CultureInfo.InvariantCulture)},");
        if (extraFields) builder.Append("\"room_id\":-5,\"id\":\"x\",\"created_at\":null,\"note\":{\"a\":[1,2]},");
        builder.Append("\"points\":[");
        for (var i = 0; i < points; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(CultureInfo.InvariantCulture, $"{{\"x\":{Coordinate()},\"y\":{Coordinate()}}}");
        }
        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    private string Coordinate() => _random.Next(4) switch
    {
        0 => Math.Round((_random.NextDouble() * 2 - 1) * 999_999, 4).ToString(CultureInfo.InvariantCulture),
        1 => _random.Next(-2000, 2000).ToString(CultureInfo.InvariantCulture),
        2 => (_random.NextDouble() * 1e-6).ToString("E3", CultureInfo.InvariantCulture),
        _ => Math.Round(_random.NextDouble() * 1028, 2).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Makes a valid JSON object text invalid in one of several ways.</summary>
    private byte[] Break(string json)
    {
        var broken = _random.Next(8) switch
        {
            0 => json[..(1 + _random.Next(json.Length - 1))], // a strict prefix of an object is never complete
            1 => json + Pick(["x", "}", ",", "]", "{}", "\"tail\""]),
            2 => "/* comment */" + json,
            3 => json[..^1] + ",}",
            4 => json.Replace('"', '\''),
            5 => json.Insert(json.IndexOf(':') + 1, "\"\\x41\","),
            6 => json.Insert(json.IndexOf(':') + 2, "\t\u0001"),
            _ => json.Replace(":", " "),
        };
        return Encoding.UTF8.GetBytes(broken);
    }

    private string RandomUnicodeName()
    {
        // Letters of several scripts, astral symbols and combining marks: never a control character or a lone surrogate.
        (int From, int To)[] ranges = [(0x41, 0x7A), (0xC0, 0x24F), (0x391, 0x3C9), (0x410, 0x44F), (0x5D0, 0x5EA), (0x627, 0x64A),
            (0x3041, 0x3096), (0x4E00, 0x4FFF), (0xAC00, 0xAD00), (0x1F300, 0x1F5FF), (0x1F900, 0x1F9FF), (0x300, 0x36F)];
        var builder = new StringBuilder("n");
        var length = 1 + _random.Next(60);
        for (var i = 0; i < length; i++)
        {
            var (from, to) = Pick(ranges);
            builder.Append(char.ConvertFromUtf32(_random.Next(from, to + 1)));
        }
        return builder.ToString();
    }

    private string RandomHex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)]));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    // Non-ASCII text goes out as raw UTF-8 rather than \u escapes, so both paths of the server's decoder are exercised.
    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value, RawUnicode);
}
