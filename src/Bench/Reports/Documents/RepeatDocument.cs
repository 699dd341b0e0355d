using System.Text.Json.Serialization;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Reports;

/// <summary>
/// What <c>run --repeat N</c> adds to result.json: every run's outcome and, for the score and each gate figure, the
/// median, the range and the coefficient of variation over the runs. The other fields of the result are those of
/// the median run, named here.
/// </summary>
public sealed record RepeatDocument
{
    /// <summary>How many runs ran (fewer than asked when interrupted).</summary>
    [JsonPropertyName("count")] public required int Count { get; init; }
    /// <summary>The run whose details (scores, endpoints, delivery, checks) the result shows: the one whose score is nearest the median.</summary>
    [JsonPropertyName("median_run_id")] public required string MedianRunId { get; init; }
    /// <summary>Per figure (<c>score</c> first, then the gate figures): median, range, coefficient of variation.</summary>
    [JsonPropertyName("spread")] public required IReadOnlyDictionary<string, SpreadDocument> Spread { get; init; }
    /// <summary>Every run, in the order they ran.</summary>
    [JsonPropertyName("runs")] public required IReadOnlyList<RepeatRunDocument> Runs { get; init; }
    /// <summary>The warm-up runs before them (<c>--warmup-runs</c>), left out of the spread; absent when there were none.</summary>
    [JsonPropertyName("warm_up")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RepeatRunDocument>? WarmUp { get; init; }

    /// <summary>
    /// The result of repeated runs named <paramref name="runId"/>: the median run's document with the median score,
    /// a pass only if every run passed, every run's messages, and this summary of them all. Warm-up runs are left out
    /// of the figures but not of the outcome: one that failed fails the result, with its messages.
    /// </summary>
    public static ResultDocument Summarize(IReadOnlyList<ResultDocument> runs, string runId, IReadOnlyList<ResultDocument>? warmUp = null)
    {
        warmUp ??= [];
        if (runs.Count == 0) throw new ArgumentException("at least one run is needed", nameof(runs));
        var score = SpreadDocument.Of(runs.Select(r => (double)r.Score).ToList());
        // Nearest the median; on a tie the earlier run, so the choice does not depend on sorting.
        var median = runs.MinBy(r => Math.Abs(r.Score - score.Median))!;
        var spread = new Dictionary<string, SpreadDocument> { ["score"] = score };
        foreach (var name in runs.SelectMany(r => r.GateFigures?.Keys ?? []).Distinct().Order(StringComparer.Ordinal))
        {
            var values = runs.Where(r => r.GateFigures?.ContainsKey(name) == true).Select(r => r.GateFigures![name].Value).ToList();
            spread[name] = SpreadDocument.Of(values);
        }
        return median with
        {
            RunId = runId,
            Pass = runs.All(r => r.Pass) && warmUp.All(r => r.Pass),
            Score = (long)Math.Round(score.Median, MidpointRounding.AwayFromZero),
            Messages = warmUp.Concat(runs).SelectMany(r => r.Messages).Distinct().Order(StringComparer.Ordinal).ToList(),
            Interrupted = runs.Any(r => r.Interrupted),
            StartedAt = warmUp.Count > 0 ? warmUp[0].StartedAt : runs[0].StartedAt,
            EndedAt = runs[^1].EndedAt,
            Repeat = new RepeatDocument
            {
                Count = runs.Count,
                MedianRunId = median.RunId,
                Spread = spread,
                Runs = runs.Select(RepeatRunDocument.From).ToList(),
                WarmUp = warmUp.Count > 0 ? warmUp.Select(RepeatRunDocument.From).ToList() : null,
            },
        };
    }
}
