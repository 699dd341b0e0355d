using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IsuBench.Bench.Reports;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Segments;

/// <summary>Writes and reads a segment's partial result (<see cref="PartialResultDocument"/>).</summary>
internal static class PartialResultFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file name of segment <paramref name="segment"/>'s partial result in the run's folder.</summary>
    public static string FileName(Segment segment) => $"segment-{segment.Index}-of-{segment.Count}.json";

    /// <summary>The partial result of a finished segment: its document, and the raw histograms and samples of <paramref name="metrics"/>.</summary>
    public static PartialResultDocument From(BenchmarkResult result, RunMetrics metrics, ResultDocument document)
    {
        var segment = result.Options.Segment;
        var origin = result.TimeSeriesOrigin ?? result.StartedAt;
        return new PartialResultDocument
        {
            SegmentIndex = segment.Index,
            SegmentCount = segment.Count,
            Seed = result.Options.Seed,
            Target = document.Target,
            StartAt = result.Options.StartAt,
            InitialCheck = segment.RunsInitialCheck ? "ran" : result.Options.SkipInitialCheck ? "skipped" : "segment_1",
            EndpointHistograms = metrics.Endpoints.EncodedHistograms(),
            DeliveryHistogram = metrics.Delivery.EncodedHistogram(),
            TimeSeries = result.TimeSeries.Select(p => new PartialSample(origin + p.Elapsed, p.Score, p.RequestsPerSecond, p.Watchers, p.Errors)).ToList(),
            Result = (JsonObject)JsonNode.Parse(ResultJson.Serialize(document))!,
        };
    }

    /// <summary>The partial result as indented JSON.</summary>
    public static string Serialize(PartialResultDocument partial) => JsonSerializer.Serialize(partial, Options);

    /// <summary>Writes <paramref name="partial"/> into <paramref name="directory"/> (created if needed); returns its path.</summary>
    public static async Task<string> WriteAsync(string directory, PartialResultDocument partial, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName(new Segment(partial.SegmentIndex, partial.SegmentCount)));
        // Written beside and moved into place, so that a merge never reads half a file.
        string temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, Serialize(partial) + "\n", cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Reads a partial result; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static async Task<PartialResultDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        PartialResultDocument? partial;
        try
        {
            await using var stream = File.OpenRead(path);
            partial = await JsonSerializer.DeserializeAsync<PartialResultDocument>(stream, Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a partial result of a segment: {e.Message}", e);
        }
        if (partial is null || partial.Format != PartialResultDocument.FormatName)
            throw new InvalidDataException($"{path}: not a partial result of a segment (format is not {PartialResultDocument.FormatName})");
        if (partial.FormatVersion > PartialResultDocument.CurrentVersion)
            throw new InvalidDataException($"{path}: format_version {partial.FormatVersion} is newer than this isubench reads ({PartialResultDocument.CurrentVersion})");
        if (partial.SegmentCount < 1 || partial.SegmentIndex < 1 || partial.SegmentIndex > partial.SegmentCount)
            throw new InvalidDataException($"{path}: segment {partial.SegmentName} is not I/N with 1 <= I <= N");
        return partial;
    }

    /// <summary>The segment's own result document.</summary>
    public static ResultDocument ResultOf(PartialResultDocument partial) => ResultJson.Deserialize(partial.Result.ToJsonString());
}
