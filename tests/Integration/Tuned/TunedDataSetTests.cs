using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Reference;
using IsuBench.Reference.DataSet;

namespace IsuBench.Integration.Tuned;

/// <summary>The tuned server starts from what the data-set loader wrote straight into the tables, and serves it as baseline does.</summary>
public sealed class TunedDataSetTests
{
    [Fact]
    public async Task Over_a_loaded_data_set_tuned_answers_byte_for_byte_as_baseline()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("tuned_dataset_" + Guid.NewGuid().ToString("N")[..12]);
        await new DataSetLoader(DataSetGenerator.WithIsuStrokes(7, 120)).LoadAsync(connectionString, CancellationToken.None);
        await using var baselineApp = await ReferenceServer.StartAppAsync(connectionString, "baseline");
        await using var tunedApp = await ReferenceServer.StartAppAsync(connectionString, "tuned");
        using var baseline = new IsuketchClient(new Uri(baselineApp.Urls.First()));
        using var tuned = new IsuketchClient(new Uri(tunedApp.Urls.First()));

        var top = await tuned.Http.GetStringAsync("/api/rooms");
        Assert.Equal(await baseline.Http.GetStringAsync("/api/rooms"), top);
        Assert.Contains("\"id\":120,", top); // the newest strokes are the last room's

        foreach (var path in new[] { "/api/rooms/1", "/api/rooms/61", "/api/rooms/120", "/img/1", "/img/120" })
            Assert.Equal(await baseline.Http.GetByteArrayAsync(path), await tuned.Http.GetByteArrayAsync(path));

        // A token of the data set is older than a day: neither server accepts it.
        var stored = DataSetGenerator.WithIsuStrokes(7, 120).Tokens().First().CsrfToken;
        using var refused = await tuned.SendAsync(HttpMethod.Post, "/api/rooms", stored, """{"name":"x","canvas_width":1,"canvas_height":1}""");
        await IsuketchClient.AssertErrorAsync(refused, System.Net.HttpStatusCode.BadRequest);

        await baselineApp.StopAsync();
        await tunedApp.StopAsync();
    }
}
