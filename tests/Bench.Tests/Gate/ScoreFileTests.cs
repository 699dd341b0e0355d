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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
