using System.Net;
using System.Net.Http.Headers;
using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Reference;

/// <summary>Every response of the reference names its server profile and version (an IsuBench addition, docs/contract.md §3).</summary>
public abstract class ServerIdentityTests(ReferenceServer server)
{
    [Fact]
    public async Task Pages_api_answers_errors_static_files_and_the_stream_name_the_profile_and_version()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var requests = new (HttpMethod Method, string Path, string? Body, HttpStatusCode Status)[]
        {
            (HttpMethod.Get, "/", null, HttpStatusCode.OK),
            (HttpMethod.Get, "/api/rooms", null, HttpStatusCode.OK),
            (HttpMethod.Post, "/api/csrf_token", null, HttpStatusCode.OK),
            (HttpMethod.Get, $"/img/{roomId}", null, HttpStatusCode.OK),
            (HttpMethod.Get, "/bundle.js", null, HttpStatusCode.OK),
            (HttpMethod.Get, "/api/rooms/999999999", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, "/api/rooms", "{not json", HttpStatusCode.BadRequest),
        };
        foreach (var (method, path, body, status) in requests)
        {
            using var response = await server.Api.SendAsync(method, path, token, body);
            Assert.Equal(status, response.StatusCode);
            AssertNamesTheServer(response.Headers, $"{method} {path}");
        }

        using var stream = await server.Api.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"/api/stream/rooms/{roomId}?csrf_token={token}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        AssertNamesTheServer(stream.Headers, "the stream");
    }

    private void AssertNamesTheServer(HttpResponseHeaders headers, string what)
    {
        Assert.True(headers.TryGetValues(ServerIdentityHeaders.Profile, out var profile), $"{what} has no {ServerIdentityHeaders.Profile}");
        Assert.Equal(server.Profile, Assert.Single(profile));
        Assert.True(headers.TryGetValues(ServerIdentityHeaders.Version, out var version), $"{what} has no {ServerIdentityHeaders.Version}");
        Assert.Equal(ServerIdentityHeaders.CurrentVersion, Assert.Single(version));
    }
}

/// <summary>ServerIdentityTests against the baseline store.</summary>
public sealed class ServerIdentityTestsOnBaseline(BaselineServer server) : ServerIdentityTests(server), IClassFixture<BaselineServer>;

/// <summary>ServerIdentityTests against the tuned store.</summary>
public sealed class ServerIdentityTestsOnTuned(TunedServer server) : ServerIdentityTests(server), IClassFixture<TunedServer>;
