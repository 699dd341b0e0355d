using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using IsuBench.Integration.Reference;
using IsuBench.Reference.Hosting;
using IsuBench.Scenarios.Judging;
using Xunit.Abstractions;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// Hundreds of seeded hostile and malformed requests against every endpoint: never a 5xx, every refusal a 4xx with a
/// JSON error (or, for broken HTTP framing, Kestrel's bodiless 4xx), valid requests served, and the database holding
/// exactly the rows of the valid writes.
/// </summary>
public abstract class ReferenceFuzzTests(ReferenceFuzzTests.Fixture server, ITestOutputHelper output)
{
    /// <summary>Cheap generated cases; the costly ones come on top.</summary>
    private const int CheapCases = 600;

    private const int Seed = 20161022;

    /// <summary>The tokens and rooms the generated requests refer to.</summary>
    public abstract class Fixture(string profile) : ReferenceServer(profile)
    {
        /// <summary>The seeded rows.</summary>
        public FuzzWorld World { get; private set; } = null!;

        /// <inheritdoc />
        protected override async Task SeedAsync()
        {
            var owner = await CreateTokenAsync();
            var other = await CreateTokenAsync();
            var expired = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            await ExecuteSqlAsync("INSERT INTO tokens (csrf_token, created_at) VALUES (@t, UTC_TIMESTAMP(6) - INTERVAL 2 DAY)", ("@t", expired));
            await AfterDirectSqlAsync();
            var drawn = await CreateRoomAsync(owner);
            using (var stroke = await PostAsync($"/api/strokes/rooms/{drawn}", owner, """{"width":5,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":1}]}"""))
                stroke.EnsureSuccessStatusCode();
            World = new FuzzWorld(owner, other, expired, drawn, await CreateRoomAsync(owner));
        }

        private async Task<string> CreateTokenAsync()
        {
            using var response = await Api.Http.PostAsync("/api/csrf_token", null);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("token").GetString()!;
        }

        private async Task<long> CreateRoomAsync(string token)
        {
            using var response = await PostAsync("/api/rooms", token, """{"name":"fuzz","canvas_width":100,"canvas_height":100}""");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("room").GetProperty("id").GetInt64();
        }

        private Task<HttpResponseMessage> PostAsync(string path, string token, string json)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("x-csrf-token", token);
            return Api.Http.SendAsync(request);
        }
    }

    [Fact]
    public async Task Hostile_requests_get_4xx_json_errors_never_5xx_and_only_valid_requests_write()
    {
        var cases = new HostileRequestGenerator(server.World, Seed).Generate(CheapCases);
        Assert.True(cases.Count >= 500, $"only {cases.Count} cases");
        var before = await server.CountRowsAsync();
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentBag<(FuzzCase Case, JsonElement Body)>();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzz, _) =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            RawHttpResponse? response;
            try
            {
                response = await SendAsync(fuzz, timeout.Token);
            }
            catch (Exception e)
            {
                failures.Add($"{fuzz}: no answer: {e.GetType().Name}: {e.Message}");
                return;
            }
            if (Judge(fuzz, response, out var body) is { } problem) failures.Add($"{fuzz}: {problem}");
            else if (fuzz.Expect == FuzzExpectation.Accepted) accepted.Add((fuzz, body));
        });

        var failed = failures.OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var line in failed.Take(40)) output.WriteLine(line);
        Assert.True(failed.Count == 0, $"{failed.Count} of {cases.Count} requests got a wrong answer; first: {string.Join("\n", failed.Take(10))}");

        var expected = accepted.Aggregate(before, (sum, item) => sum.Plus(item.Case.Writes));
        Assert.Equal(expected, await server.CountRowsAsync());

        // Stored as sent: every accepted room reads back with its exact name, every stroke with its points.
        foreach (var (fuzz, body) in accepted.Where(a => a.Case.RoomName is not null))
        {
            var id = body.GetProperty("room").GetProperty("id").GetInt64();
            using var stored = JsonDocument.Parse(await server.Api.Http.GetStringAsync($"/api/rooms/{id}"));
            Assert.Equal(fuzz.RoomName, stored.RootElement.GetProperty("room").GetProperty("name").GetString());
        }
        var strokeIds = accepted.Where(a => a.Case.PointCount is not null)
            .ToDictionary(a => a.Body.GetProperty("stroke").GetProperty("id").GetInt64(), a => a.Case.PointCount!.Value);
        using (var room = JsonDocument.Parse(await server.Api.Http.GetStringAsync($"/api/rooms/{server.World.DrawnRoom}")))
        {
            var stored = room.RootElement.GetProperty("room").GetProperty("strokes").EnumerateArray()
                .ToDictionary(s => s.GetProperty("id").GetInt64(), s => s.GetProperty("points").GetArrayLength());
            foreach (var (id, points) in strokeIds) Assert.Equal(points, stored[id]);
        }
        output.WriteLine($"{cases.Count} requests, {accepted.Count} valid; rows {before} -> {expected}");
    }

    [Theory]
    [InlineData("é")]
    [InlineData("\u6905\u5b50")]
    [InlineData("🪑")]
    public async Task A_non_ascii_token_is_refused_as_invalid_not_failed_in_the_database(string token)
    {
        // Found by the fuzz: the token column is ASCII, and MariaDB answered such a comparison with an error (500).
        var before = await server.CountRowsAsync();
        var stream = await server.Api.Http.GetStringAsync($"/api/stream/rooms/{server.World.DrawnRoom}?csrf_token={Uri.EscapeDataString(token)}");
        Assert.StartsWith("event: bad_request\n", stream);

        var head = $"POST /api/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nx-csrf-token: ";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await RawHttpExchange.SendBytesAsync(server.BaseAddress,
            [.. Encoding.ASCII.GetBytes(head), .. Encoding.UTF8.GetBytes(token), .. "\r\nConnection: close\r\n\r\n{}"u8], timeout.Token);
        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        output.WriteLine($"header token {token}: {response.Status} {response.ContentType} {response.Text}");
        Assert.Equal(before, await server.CountRowsAsync());
    }

    private async Task<RawHttpResponse?> SendAsync(FuzzCase fuzz, CancellationToken cancellationToken)
    {
        switch (fuzz.Transport)
        {
            case FuzzTransport.Client:
                return await SendWithClientAsync(fuzz, cancellationToken);
            case FuzzTransport.Bytes:
                return await RawHttpExchange.SendBytesAsync(server.BaseAddress, fuzz.RawRequest!, cancellationToken);
        }
        var body = fuzz.Body ?? [];
        var head = new StringBuilder($"{fuzz.Method} {fuzz.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        foreach (var (name, value) in fuzz.Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (fuzz.ContentType is not null) head.Append("Content-Type: ").Append(fuzz.ContentType).Append("\r\n");
        if (!fuzz.Headers.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        return fuzz.Transport switch
        {
            FuzzTransport.Trickle => await RawHttpExchange.SendAsync(server.BaseAddress, head.ToString(), body, TimeSpan.FromMilliseconds(10), false, cancellationToken),
            FuzzTransport.Truncated => await RawHttpExchange.SendAsync(server.BaseAddress, head.ToString(), body[..(body.Length / 2)], null, true, cancellationToken),
            FuzzTransport.Stalled => await RawHttpExchange.SendAsync(server.BaseAddress, head.ToString(), body[..(body.Length / 4)], null, false, cancellationToken),
            _ => await RawHttpExchange.SendAsync(server.BaseAddress, head.ToString(), body, null, false, cancellationToken),
        };
    }

    private async Task<RawHttpResponse> SendWithClientAsync(FuzzCase fuzz, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), new Uri(server.BaseAddress, fuzz.Path));
        var chunked = false;
        foreach (var (name, value) in fuzz.Headers)
        {
            if (name == "Transfer-Encoding") chunked = true;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        if (fuzz.Body is not null)
        {
            request.Content = chunked ? new StreamContent(new MemoryStream(fuzz.Body)) : new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        using var response = await server.Api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            headers[name.ToLowerInvariant()] = string.Join(", ", values);
        return new RawHttpResponse((int)response.StatusCode, headers, body);
    }

    /// <summary>Null when the answer is right for the case, else what is wrong; <paramref name="body"/> is an accepted API response.</summary>
    private static string? Judge(FuzzCase fuzz, RawHttpResponse? response, out JsonElement body)
    {
        body = default;
        if (response is null)
            return fuzz.Expect == FuzzExpectation.DroppedOrRejected ? null : "the server closed the connection without an answer";
        var status = response.Status;
        if (status >= 500 && !(fuzz.Expect == FuzzExpectation.RejectedByProtocol && status == fuzz.Status))
            return $"server error {status}: {Shorten(response.Text)}";
        switch (fuzz.Expect)
        {
            case FuzzExpectation.Accepted:
                if (status is < 200 or > 299) return $"valid request refused with {status}: {Shorten(response.Text)}";
                if (!fuzz.Path.StartsWith("/api/", StringComparison.Ordinal)) return null;
                if (ReadJson(response) is not { } json) return $"2xx without a JSON body: {response.ContentType} {Shorten(response.Text)}";
                body = json;
                if (fuzz.RoomName is { } name && json.GetProperty("room").GetProperty("name").GetString() != name)
                    return $"room name came back as {json.GetProperty("room").GetProperty("name")}";
                if (fuzz.PointCount is { } points && json.GetProperty("stroke").GetProperty("points").GetArrayLength() != points)
                    return "stroke came back with another number of points";
                return null;
            case FuzzExpectation.Rejected:
                if (status != fuzz.Status) return $"expected {fuzz.Status}, got {status}: {Shorten(response.Text)}";
                return ErrorBodyProblem(response);
            case FuzzExpectation.RejectedByProtocol:
                if (status is < 400 or > 499 && status != fuzz.Status) return $"expected a 4xx, got {status}";
                return response.Body.Length == 0 || !response.ContentType.StartsWith("application/json", StringComparison.Ordinal)
                    ? null
                    : ErrorBodyProblem(response);
            case FuzzExpectation.DroppedOrRejected:
                return status is >= 400 and <= 499 ? ErrorBodyProblem(response) : $"expected no answer or a 4xx, got {status}";
            case FuzzExpectation.PageNotFound:
                return status == 404 && response.ContentType.StartsWith("text/html", StringComparison.Ordinal)
                    ? null
                    : $"expected the HTML 404 page, got {status} {response.ContentType}";
            case FuzzExpectation.StreamRefused:
                if (status != 200 || !response.ContentType.StartsWith("text/event-stream", StringComparison.Ordinal))
                    return $"expected a 200 event stream, got {status} {response.ContentType}";
                var events = response.Text.Split('\n').Where(line => line.StartsWith("event:", StringComparison.Ordinal)).ToList();
                return events is ["event: bad_request"] ? null : $"expected one bad_request event, got: {Shorten(response.Text)}";
            default:
                return "unknown expectation";
        }
    }

    private static string? ErrorBodyProblem(RawHttpResponse response)
    {
        if (!response.ContentType.Replace(" ", "").Equals(ApiContentType, StringComparison.OrdinalIgnoreCase))
            return $"error without the JSON content type: '{response.ContentType}' {Shorten(response.Text)}";
        if (ReadJson(response) is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(error.GetString()))
            return $"error body is not {{\"error\": message}}: {Shorten(response.Text)}";
        return null;
    }

    private const string ApiContentType = "application/json;charset=utf-8";

    private static JsonElement? ReadJson(RawHttpResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>The fuzz against the baseline store.</summary>
public sealed class ReferenceFuzzTestsOnBaseline(ReferenceFuzzTestsOnBaseline.BaselineFixture server, ITestOutputHelper output)
    : ReferenceFuzzTests(server, output), IClassFixture<ReferenceFuzzTestsOnBaseline.BaselineFixture>
{
    /// <summary>Seeded rows on a baseline server.</summary>
    public sealed class BaselineFixture() : Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>The fuzz against the tuned store.</summary>
public sealed class ReferenceFuzzTestsOnTuned(ReferenceFuzzTestsOnTuned.TunedFixture server, ITestOutputHelper output)
    : ReferenceFuzzTests(server, output), IClassFixture<ReferenceFuzzTestsOnTuned.TunedFixture>
{
    /// <summary>Seeded rows on a tuned server.</summary>
    public sealed class TunedFixture() : Fixture(ReferenceOptions.TunedProfile);
}
