using System.Text.Json;
using System.Text.Json.Serialization;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Segments;

/// <summary>
/// The run's one initial check shared through its folder (<c>run --segment I/N --out DIR</c>): segment 1 writes
/// <c>DIR/initial-check.json</c> when its check ends, passed or not; the other segments poll for it before their load and
/// send none when it says failed or does not come in time. The file names the run (seed, targets and <c>--start-at</c>), so a
/// file of another run is not taken; without <c>--start-at</c>, a file written before the segment started (less a minute's
/// slack) is taken for a previous run's. The segments must share the folder (one machine, or a shared volume).
/// </summary>
internal sealed class CheckOutcomeFile : IInitialCheckRelay
{
    /// <summary>The file's name in the run's folder.</summary>
    public const string FileName = "initial-check.json";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    /// <summary>How long a segment waits for the outcome without <c>--start-at</c>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    /// <summary>How long after <c>--start-at</c> a segment still waits for the outcome.</summary>
    public static readonly TimeSpan WaitPastStart = TimeSpan.FromSeconds(30);

    private readonly string _path;
    private readonly string _run;
    private readonly DateTimeOffset? _startAt;
    private readonly DateTimeOffset _startedAt;
    private readonly Func<DateTimeOffset> _now;

    /// <summary>The outcome file of the run of <paramref name="options"/> in <paramref name="directory"/>.</summary>
    public CheckOutcomeFile(string directory, BenchmarkOptions options, Func<DateTimeOffset>? now = null)
    {
        _path = Path.Combine(directory, FileName);
        _run = RunKey(options);
        _startAt = options.StartAt;
        _now = now ?? (() => DateTimeOffset.UtcNow);
        _startedAt = _now();
    }

    /// <summary>Until when the outcome is awaited.</summary>
    public DateTimeOffset Deadline => _startAt is { } startAt ? startAt + WaitPastStart : _startedAt + DefaultWait;

    /// <inheritdoc />
    public string Describe => $"{_path} not written by {Deadline.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";

    /// <summary>Segment 1, before its check: an outcome left by an earlier run must not be read as this one's.</summary>
    public void RemoveStale()
    {
        if (File.Exists(_path)) File.Delete(_path);
    }

    /// <inheritdoc />
    public async Task PublishAsync(bool passed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        string temporary = _path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new Outcome(_run, passed, _now())), cancellationToken);
        File.Move(temporary, _path, overwrite: true);
    }

    /// <inheritdoc />
    public async Task<bool?> AwaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await ReadAsync(cancellationToken) is { } outcome) return outcome.Passed;
            if (_now() >= Deadline) return null;
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<Outcome?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var outcome = JsonSerializer.Deserialize<Outcome>(await File.ReadAllTextAsync(_path, cancellationToken));
            if (outcome is null || outcome.Run != _run) return null;
            if (_startAt is null && outcome.WrittenAt < _startedAt - Slack) return null;
            return outcome;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string RunKey(BenchmarkOptions options) =>
        $"seed={options.Seed};segments={options.Segment.Count};targets={string.Join(",", options.Targets)};start_at={options.StartAt?.UtcDateTime.ToString("O") ?? "-"}";

    private sealed record Outcome(
        [property: JsonPropertyName("run")] string Run,
        [property: JsonPropertyName("passed")] bool Passed,
        [property: JsonPropertyName("written_at")] DateTimeOffset WrittenAt);
}
