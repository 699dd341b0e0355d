using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One run of <c>run --repeat N</c>: its outcome and figures; its full files are in its own folder.</summary>
public sealed record RepeatRunDocument
{
    /// <summary>The run's id, also its folder's name beside result.json.</summary>
    [JsonPropertyName("run_id")] public required string RunId { get; init; }
    /// <summary>False when anything critical failed in this run.</summary>
    [JsonPropertyName("pass")] public required bool Pass { get; init; }
    /// <summary>The run's score.</summary>
    [JsonPropertyName("score")] public required long Score { get; init; }
    /// <summary>True when this run was interrupted.</summary>
    [JsonPropertyName("interrupted")] public required bool Interrupted { get; init; }
    /// <summary>Points by kind.</summary>
    [JsonPropertyName("scores")] public required IReadOnlyDictionary<string, ScoreDocument> Scores { get; init; }
    /// <summary>The figures a gate compares, when the workload names any.</summary>
    [JsonPropertyName("gate_figures")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, GateFigureDocument>? GateFigures { get; init; }
    /// <summary>Why the machine was too crowded during this run for it to be evidence of a regression; absent when it was not.</summary>
    [JsonPropertyName("crowded")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Crowded { get; init; }

    /// <summary>The summary of one run's document.</summary>
    public static RepeatRunDocument From(ResultDocument run) => new()
    {
        RunId = run.RunId,
        Pass = run.Pass,
        Score = run.Score,
        Interrupted = run.Interrupted,
        Scores = run.Scores,
        GateFigures = run.GateFigures,
        Crowded = run.Cost?.Machine?.Crowded,
    };
}
