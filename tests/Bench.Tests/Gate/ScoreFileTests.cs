using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;

namespace IsuBench.Tests.Bench.Gate;

public sealed class ScoreFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-scorefile-").FullName;

    private string Write(string json)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task The_original_bench_output_is_a_valid_baseline()
    {
        var record = await ScoreFile.ReadAsync(Write("""{"pass":true,"score":12345,"messages":["a","b"]}"""), CancellationToken.None);
        Assert.True(record.Pass);
        Assert.Equal(12345, record.Score);
        Assert.Equal(["a", "b"], record.Messages);
    }

    [Theory]
    [InlineData("""{"score":1}""", "\"pass\"")]
    [InlineData("""{"pass":"yes","score":1}""", "\"pass\"")]
    [InlineData("""{"pass":true}""", "\"score\"")]
    [InlineData("""{"pass":true,"score":1.5}""", "\"score\"")]
    [InlineData("""{"pass":true,"score":"1"}""", "\"score\"")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"pass":tru""", "not JSON")]
    public async Task A_file_that_is_not_a_result_says_what_is_missing(string json, string expected)
    {
        var path = Write(json);
        var e = await Assert.ThrowsAsync<GateInputException>(() => ScoreFile.ReadAsync(path, CancellationToken.None));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public async Task A_missing_file_is_reported_as_such() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() => ScoreFile.ReadAsync(Path.Combine(_directory, "none.json"), CancellationToken.None));

    [Fact]
    public async Task A_run_on_a_crowded_machine_is_read_as_crowded_from_its_cost_or_its_repeat_entry()
    {
        var single = await ScoreFile.ReadAsync(Write("""
            {"pass":true,"score":1,"cost":{"machine":{"busy":0.9,"steal":0,"cpus":[],"crowded":"other processes kept 1 CPUs busy"}}}
            """), CancellationToken.None);
        var repeated = await ScoreFile.ReadAsync(Write("""
            {"pass":true,"score":1,"repeat":{"runs":[{"pass":true,"score":1,"crowded":"the hypervisor took 9 %"},{"pass":true,"score":2}]}}
            """), CancellationToken.None);
        var quiet = await ScoreFile.ReadAsync(Write("""{"pass":true,"score":1,"cost":{"machine":{"busy":0.2,"steal":0,"cpus":[]}}}"""), CancellationToken.None);

        Assert.Equal("other processes kept 1 CPUs busy", single.Crowded);
        Assert.Equal(["the hypervisor took 9 %", null], repeated.Samples.Select(r => r.Crowded));
        Assert.Null(quiet.Crowded);
    }

    [Fact]
    public async Task A_plain_result_has_one_run_whose_one_figure_is_the_score()
    {
        var record = await ScoreFile.ReadAsync(Write("""{"pass":true,"score":900,"messages":[]}"""), CancellationToken.None);

        var run = Assert.Single(record.Samples);
        Assert.Same(record, run);
        Assert.Equal([new GateFigure("score", 900, BetterWhen.Higher)], run.Figures);
    }

    [Fact]
    public async Task Gate_figures_replace_the_score_as_the_figures_to_gate_on()
    {
        var record = await ScoreFile.ReadAsync(Write("""
            {"pass":true,"score":5,"messages":[],
             "gate_figures":{"POST /api/strokes/rooms/{id} p50_ms":{"value":12.5,"better":"lower"},"delivered_within_2s":{"value":0.97,"better":"higher"}}}
            """), CancellationToken.None);

        Assert.Equal(
            [new GateFigure("POST /api/strokes/rooms/{id} p50_ms", 12.5, BetterWhen.Lower), new GateFigure("delivered_within_2s", 0.97, BetterWhen.Higher)],
            record.Figures);
    }

    [Fact]
    public async Task Figures_marked_not_gated_are_left_out()
    {
        var record = await ScoreFile.ReadAsync(Write("""
            {"pass":true,"score":5,"gate_figures":{"a p50 ms":{"value":3,"better":"lower","gated":true},"a p99 ms":{"value":9,"better":"lower","gated":false}}}
            """), CancellationToken.None);

        Assert.Equal([new GateFigure("a p50 ms", 3, BetterWhen.Lower)], record.Figures);
    }

    [Fact]
    public async Task Repeated_runs_are_the_samples_each_with_its_id_pass_score_and_figures()
    {
        var path = Write("""
            {"pass":false,"score":1000,"messages":["m"],"gate_figures":{"x":{"value":99,"better":"higher"}},
             "repeat":{"count":3,"median_run_id":"run-2","runs":[
               {"run_id":"run-1","pass":true,"score":900,"interrupted":false,"gate_figures":{"x":{"value":1,"better":"higher"}}},
               {"run_id":"run-2","pass":false,"score":1000,"interrupted":false},
               {"run_id":"run-3","pass":true,"score":1100,"interrupted":false,"scores":{}}]}}
            """);
        var record = await ScoreFile.ReadAsync(path, CancellationToken.None);

        Assert.Equal(["run-1", "run-2", "run-3"], record.Samples.Select(r => r.RunId));
        Assert.Equal([true, false, true], record.Samples.Select(r => r.Pass));
        Assert.Equal([900L, 1000, 1100], record.Samples.Select(r => r.Score));
        Assert.Equal([new GateFigure("x", 1, BetterWhen.Higher)], record.Samples[0].Figures);
        // A run without gate figures is gated on its score.
        Assert.Equal([new GateFigure("score", 1000, BetterWhen.Higher)], record.Samples[1].Figures);
        Assert.All(record.Samples, r => Assert.Equal(path, r.Source));
        // The top level stays as it was for run's junit score gate.
        Assert.Equal((false, 1000L), (record.Pass, record.Score));
    }

    [Theory]
    [InlineData("""{"pass":true,"score":1,"gate_figures":[1]}""", "\"gate_figures\" must be an object")]
    [InlineData("""{"pass":true,"score":1,"gate_figures":{}}""", "\"gate_figures\" names no figure")]
    [InlineData("""{"pass":true,"score":1,"gate_figures":{"x":{"value":"1","better":"higher"}}}""", "\"gate_figures.x\" needs a \"value\"")]
    [InlineData("""{"pass":true,"score":1,"gate_figures":{"x":{"value":1}}}""", "\"gate_figures.x\" needs \"better\"")]
    [InlineData("""{"pass":true,"score":1,"gate_figures":{"x":{"value":1,"better":"up"}}}""", "\"gate_figures.x\" needs \"better\"")]
    [InlineData("""{"pass":true,"score":1,"repeat":{"count":0}}""", "\"repeat\" must be an object with a \"runs\" array")]
    [InlineData("""{"pass":true,"score":1,"repeat":{"runs":[]}}""", "\"repeat.runs\" is empty")]
    [InlineData("""{"pass":true,"score":1,"repeat":{"runs":[{"run_id":"a","score":1}]}}""", "\"repeat.runs[0].pass\"")]
    [InlineData("""{"pass":true,"score":1,"repeat":{"runs":[{"pass":true,"score":1},{"pass":true,"score":"2"}]}}""", "\"repeat.runs[1].score\"")]
    [InlineData("""{"pass":true,"score":1,"repeat":{"runs":[{"pass":true,"score":1,"gate_figures":{"y":{"value":1,"better":1}}}]}}""", "\"repeat.runs[0].gate_figures.y\" needs \"better\"")]
    public async Task Malformed_gate_figures_or_runs_say_where(string json, string expected)
    {
        var path = Write(json);
        var e = await Assert.ThrowsAsync<GateInputException>(() => ScoreFile.ReadAsync(path, CancellationToken.None));
        Assert.Contains(expected, e.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
