using System.Text.Json;
using System.Text.Json.Nodes;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;
using IsuBench.Tests.Shared;
using NJsonSchema;

namespace IsuBench.Tests.Bench.Reports;

public sealed class ResultJsonTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ResultJson.Schema()).GetAwaiter().GetResult());

    [Fact]
    public void A_passing_result_validates_against_the_schema()
    {
        var json = ResultJson.Serialize(SampleResults.PassingDocument());
        Assert.Empty(Schema.Value.Validate(json));
    }

    [Fact]
    public void A_failing_result_validates_against_the_schema()
    {
        var json = ResultJson.Serialize(SampleResults.FailingDocument());
        Assert.Empty(Schema.Value.Validate(json));
    }

    [Theory]
    [InlineData("score")]
    [InlineData("pass")]
    [InlineData("time_series")]
    [InlineData("endpoints")]
    public void The_schema_rejects_a_result_missing_a_required_field(string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ResultJson.Serialize(SampleResults.PassingDocument()))!.AsObject();
        node.Remove(field);
        Assert.NotEmpty(Schema.Value.Validate(node.ToJsonString()));
    }

    [Fact]
    public void The_schema_rejects_a_score_of_the_wrong_type()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ResultJson.Serialize(SampleResults.PassingDocument()))!.AsObject();
        node["score"] = "959";
        Assert.NotEmpty(Schema.Value.Validate(node.ToJsonString()));
    }

    [Fact]
    public void The_original_fields_come_first_with_the_original_types()
    {
        using var document = JsonDocument.Parse(ResultJson.Serialize(SampleResults.FailingDocument()));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).Take(3).ToArray();
        Assert.Equal(["pass", "score", "messages"], names);
        Assert.Equal(JsonValueKind.False, document.RootElement.GetProperty("pass").ValueKind);
        var messages = document.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(messages.Order(StringComparer.Ordinal), messages);
        Assert.Contains(SampleResults.AwkwardMessage, messages);
        Assert.Contains("the SVG lacks the stroke (GET /img/1001)", messages);
    }

    [Fact]
    public void Scores_by_kind_add_up_to_the_score_and_statistics_come_from_the_metrics()
    {
        var result = SampleResults.PassingDocument();
        Assert.Equal(result.Score, result.Scores.Values.Sum(s => s.Points));
        Assert.Equal(5 * 20, result.Scores["post"].Points);
        Assert.Equal(5, result.Scores["stream_stroke"].Count);
        var image = Assert.Single(result.Endpoints, e => e.Endpoint == "GET /img/{id}");
        Assert.Equal(5, image.Count);
        Assert.Equal(1, image.Timeouts);
        Assert.Equal(1, image.Errors);
        Assert.Equal(5, result.TimeSeries.Count);
        Assert.Equal([1, 2, 3, 4, 5], result.TimeSeries.Select(p => p.Watchers));
        Assert.Equal(6, result.SseDelivery.Count);
        Assert.Equal(6, result.SseDelivery.Histogram.Sum(b => b.Count));
        // Deliveries of 30, 60, 90, 120, 150 ms and one of 3 s.
        Assert.Equal([1, 2, 2, 0, 0, 0, 1, 0], result.SseDelivery.Histogram.Select(b => b.Count));
        Assert.Null(result.SseDelivery.Histogram[^1].LeMs);
    }

    [Fact]
    public void A_result_reads_back_as_written()
    {
        var written = SampleResults.FailingDocument();
        var read = ResultJson.Deserialize(ResultJson.Serialize(written));
        Assert.Equal(ResultJson.Serialize(written), ResultJson.Serialize(read));
        Assert.False(read.Pass);
        Assert.True(read.Checks.Single(c => c.Name == "static-files").Skipped);
    }

    [Fact]
    public void A_result_says_its_schema_version_and_names_the_front_end_as_such()
    {
        var node = JsonNode.Parse(ResultJson.Serialize(SampleResults.PassingDocument()))!.AsObject();
        Assert.Equal(ResultJson.SchemaVersion, (int)node["schema_version"]!);
        Assert.Equal("reference", (string)node["options"]!["front_end"]!);
        Assert.False(node["options"]!.AsObject().ContainsKey("profile"));
    }

    [Fact]
    public void A_result_of_schema_version_1_still_reads_its_profile_as_the_front_end()
    {
        var node = JsonNode.Parse(ResultJson.Serialize(SampleResults.FailingDocument() with
        {
            Options = SampleResults.FailingDocument().Options with { FrontEnd = "isucon6f" },
        }))!.AsObject();
        // Version 1: no schema_version, and the front end under "profile".
        node.Remove("schema_version");
        var options = node["options"]!.AsObject();
        options.Remove("front_end");
        options["profile"] = "isucon6f";

        var read = ResultJson.Deserialize(node.ToJsonString());

        Assert.Equal("isucon6f", read.Options.FrontEnd);
        Assert.Equal(ResultJson.SchemaVersion, read.SchemaVersion);
        Assert.Empty(Schema.Value.Validate(ResultJson.Serialize(read)));
    }

    [Theory]
    [InlineData("results/baseline.json")]
    [InlineData("results/profiles-tuned.json")]
    public async Task A_committed_result_written_before_version_2_still_reads(string file)
    {
        Assert.Contains("\"profile\"", await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, file)));
        await using var stream = File.OpenRead(Path.Combine(RepositoryRoot.Path, file));

        var read = await ResultJson.DeserializeAsync(stream, CancellationToken.None);

        Assert.Equal("reference", read.Options.FrontEnd);
        Assert.True(read.Score > 0);
    }

    [Fact]
    public void A_result_of_a_newer_schema_version_is_refused_with_what_to_do()
    {
        var node = JsonNode.Parse(ResultJson.Serialize(SampleResults.PassingDocument()))!.AsObject();
        node["schema_version"] = ResultJson.SchemaVersion + 1;
        var error = Assert.Throws<JsonException>(() => ResultJson.Deserialize(node.ToJsonString()));
        Assert.Contains("use a newer isubench", error.Message);
    }

    [Fact]
    public void Errors_over_time_validate_read_back_and_a_result_written_without_them_still_reads()
    {
        var json = ResultJson.Serialize(SampleResults.CollapsingDocument());
        Assert.Empty(Schema.Value.Validate(json));
        var read = ResultJson.Deserialize(json);
        Assert.Equal(ErrorLedgerLimit, read.ErrorsOverTime!.TrackedLimit);
        Assert.Equal(ErrorLedgerLimit, read.ErrorsOverTime.Messages.Count);
        Assert.All(read.ErrorsOverTime.Messages, m => Assert.Equal(read.TimeSeries.Count, m.Counts.Count));

        var older = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        older.Remove("errors_over_time");
        Assert.Empty(Schema.Value.Validate(older.ToJsonString()));
        Assert.Null(ResultJson.Deserialize(older.ToJsonString()).ErrorsOverTime);

        var negative = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        negative["errors_over_time"]!["other"]![0] = -1;
        Assert.NotEmpty(Schema.Value.Validate(negative.ToJsonString()));
    }

    private const int ErrorLedgerLimit = IsuBench.Engine.Metrics.ErrorLedger.DefaultMaxTracked;
}
