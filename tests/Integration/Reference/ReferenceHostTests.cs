using System.Net;
using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.Hosting;
using Microsoft.Extensions.Configuration;
using MySqlConnector;

namespace IsuBench.Integration.Reference;

/// <summary>Starting, restarting and failing: options, schema, durability and server faults.</summary>
public sealed class ReferenceHostTests
{
    [Theory]
    [InlineData("fast", "unknown profile")]
    public void An_unavailable_profile_refuses_to_start_with_a_clear_message(string profile, string message)
    {
        var error = Assert.Throws<StartupException>(() => IsuketchApp.Build(["--profile", profile, "--mysql", "Server=127.0.0.1"]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_stop_when_stdin_closes_that_is_not_true_or_false_refuses_to_start()
    {
        var error = Assert.Throws<StartupException>(() => IsuketchApp.Build(["--stop-when-stdin-closes", "yes", "--mysql", "Server=127.0.0.1"]));
        Assert.Contains("--stop-when-stdin-closes 'yes': use true or false", error.Message);
        Assert.True(ReferenceOptions.FromConfiguration(Configuration(("stop-when-stdin-closes", "true"))).StopWhenStdinCloses);
        Assert.False(ReferenceOptions.FromConfiguration(Configuration()).StopWhenStdinCloses);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_environment_settings_of_the_original_build_the_connection_string()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MYSQL_HOST"] = "db.local", ["MYSQL_PORT"] = "13306", ["MYSQL_USER"] = "isucon", ["MYSQL_PASS"] = "secret",
        }).Build();
        var options = ReferenceOptions.FromConfiguration(configuration);
        var builder = new MySqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(("db.local", 13306u, "isucon", "secret", "isuketch"), (builder.Server, builder.Port, builder.UserID, builder.Password, builder.Database));
        Assert.Equal(ReferenceOptions.DefaultUrls, options.Urls);
        Assert.Equal("baseline", options.Profile);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("tuned")]
    public async Task Writes_survive_a_restart_and_the_schema_is_applied_idempotently(string profile)
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("ref_restart_" + Guid.NewGuid().ToString("N")[..12]);
        long roomId;
        string stroke;
        await using (var first = await ReferenceServer.StartAppAsync(connectionString, profile))
        {
            using var api = new IsuketchClient(new Uri(first.Urls.First()));
            var token = await api.CreateTokenAsync();
            roomId = (await api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
            stroke = (await api.PostStrokeAsync(token, roomId)).GetRawText();
            await first.StopAsync();
        }
        await using (var second = await ReferenceServer.StartAppAsync(connectionString, profile))
        {
            using var api = new IsuketchClient(new Uri(second.Urls.First()));
            var room = (await api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room");
            Assert.Equal(stroke, room.GetProperty("strokes")[0].GetRawText());
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task A_database_fault_is_a_json_500()
    {
        var name = "ref_fault_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = await SharedMariaDb.CreateDatabaseAsync(name);
        await using var app = await ReferenceServer.StartAppAsync(connectionString);
        using var api = new IsuketchClient(new Uri(app.Urls.First()));
        await using (var connection = new MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("DROP TABLE rooms", connection);
            await command.ExecuteNonQueryAsync();
        }

        using var response = await api.Http.GetAsync("/api/rooms/1");
        var message = await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("rooms", message);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_database_fault_under_the_tuned_profile_is_a_json_500_and_memory_is_not_changed()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("ref_tfault_" + Guid.NewGuid().ToString("N")[..12]);
        await using var app = await ReferenceServer.StartAppAsync(connectionString, "tuned");
        using var api = new IsuketchClient(new Uri(app.Urls.First()));
        var token = await api.CreateTokenAsync();
        var roomId = (await api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        await using (var connection = new MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("DROP TABLE points", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Reads come from memory, so break a write: the stroke cannot be stored and must not appear anywhere.
        using (var response = await api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", token, IsuketchClient.StrokeBody([(1, 1)])))
        {
            var message = await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.InternalServerError);
            Assert.DoesNotContain("points", message);
        }
        var room = (await api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room");
        Assert.Equal(0, room.GetProperty("stroke_count").GetInt32());
        Assert.Equal(0, (await api.GetJsonAsync("/api/rooms")).GetProperty("rooms").GetArrayLength());
        await app.StopAsync();
    }
}
