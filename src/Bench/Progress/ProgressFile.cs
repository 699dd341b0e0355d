using System.Text.Json;
using System.Text.Json.Serialization;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Progress;

/// <summary>
/// A segment's progress for the process that started it (<c>run --processes N</c>): its latest snapshot as one line of JSON in a file,
/// replaced once a second (written aside, then renamed over it, so that a reader never sees half of one) and read back by the parent,
/// which sums the segments into one panel (<see cref="CombinedProgress"/>).
/// </summary>
internal static class ProgressFile
{
    /// <summary>How often the file is replaced.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // One snapshot is about 200 bytes; anything longer is not one of these files.
    private const int MaxBytes = 4096;

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Writes <paramref name="sample"/>'s snapshot to <paramref name="path"/> every <paramref name="interval"/>, and a last one when
    /// cancelled.
    /// </summary>
    public static async Task RunAsync(
        Func<ProgressSnapshot> sample, string path, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            await WriteAsync(path, sample(), cancellationToken);
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await WriteAsync(path, sample(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await WriteAsync(path, sample(), CancellationToken.None);
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="snapshot"/>; progress that cannot be written is skipped, never the run's
    /// failure.
    /// </summary>
    public static async Task WriteAsync(string path, ProgressSnapshot snapshot, CancellationToken cancellationToken)
    {
        string temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(Line.Of(snapshot), Options) + "\n", cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The snapshot in <paramref name="path"/>, or null when there is none yet or it cannot be read.</summary>
    public static async Task<ProgressSnapshot?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            if (stream.Length > MaxBytes) return null;
            var line = await JsonSerializer.DeserializeAsync<Line>(stream, Options, cancellationToken);
            return line?.Snapshot();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    // The snapshot in the file's words: seconds rather than TimeSpan's text.
    private sealed record Line(
        [property: JsonPropertyName("phase")] BenchmarkPhase Phase,
        [property: JsonPropertyName("elapsed_seconds")] double ElapsedSeconds,
        [property: JsonPropertyName("total_seconds")] double? TotalSeconds,
        [property: JsonPropertyName("score")] long Score,
        [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
        [property: JsonPropertyName("watchers")] long Watchers,
        [property: JsonPropertyName("errors")] long Errors)
    {
        public static Line Of(ProgressSnapshot s) =>
            new(s.Phase, s.Elapsed.TotalSeconds, s.Total?.TotalSeconds, s.Score, s.RequestsPerSecond, s.Watchers, s.Errors);

        public ProgressSnapshot Snapshot() => new(
            Phase, TimeSpan.FromSeconds(ElapsedSeconds), TotalSeconds is { } total ? TimeSpan.FromSeconds(total) : null,
            Score, RequestsPerSecond, Watchers, Errors);
    }
}
