using System.Net;
using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Reference;

/// <summary>
/// A stroke of the most points the API takes is stored whole, one more is refused. Apart from <see cref="BadInputTests"/>:
/// the baseline store writes 10,000 points one row at a time, as the original did, which takes long enough that xunit
/// runs it beside the other bad inputs rather than after them.
/// </summary>
public abstract class PointLimitTests(BadInputTests.Fixture server)
{
    [Fact]
    public async Task Ten_thousand_points_are_stored_and_one_more_is_refused()
    {
        var before = await server.CountRowsAsync();
        var path = $"/api/strokes/rooms/{server.RoomId}";
        using (var response = await server.Api.SendAsync(HttpMethod.Post, path, server.Token, BadInputTests.Points(10_001)))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await server.CountRowsAsync());

        using (var response = await server.Api.SendAsync(HttpMethod.Post, path, server.Token, BadInputTests.Points(10_000)))
        {
            var stroke = (await IsuketchClient.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("stroke");
            Assert.Equal(10_000, stroke.GetProperty("points").GetArrayLength());
        }
        Assert.Equal(before with { Strokes = before.Strokes + 1, Points = before.Points + 10_000 }, await server.CountRowsAsync());
    }
}

/// <summary>PointLimitTests against the baseline store.</summary>
public sealed class PointLimitTestsOnBaseline(PointLimitTestsOnBaseline.BaselineFixture server)
    : PointLimitTests(server), IClassFixture<PointLimitTestsOnBaseline.BaselineFixture>
{
    /// <summary>A seeded room on a baseline server.</summary>
    public sealed class BaselineFixture() : BadInputTests.Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>PointLimitTests against the tuned store.</summary>
public sealed class PointLimitTestsOnTuned(PointLimitTestsOnTuned.TunedFixture server)
    : PointLimitTests(server), IClassFixture<PointLimitTestsOnTuned.TunedFixture>
{
    /// <summary>A seeded room on a tuned server.</summary>
    public sealed class TunedFixture() : BadInputTests.Fixture(ReferenceOptions.TunedProfile);
}
