namespace IsuBench.Bench.Gate;

/// <summary>
/// What the gate reads from a result file: the original bench's pass, score and messages, the figures to gate on,
/// and, for a file of repeated runs, each run as a record of its own.
/// </summary>
internal sealed record ScoreRecord(bool Pass, long Score, IReadOnlyList<string> Messages)
{
    /// <summary>The run's id when the file names it (a run of <c>run --repeat</c>).</summary>
    public string? RunId { get; init; }

    /// <summary>The file it was read from, to name in messages; null when it did not come from a file.</summary>
    public string? Source { get; init; }

    /// <summary>The file's <c>gate_figures</c>; null when it has none, and the score is the one figure.</summary>
    public IReadOnlyList<GateFigure>? GateFigures { get; init; }

    /// <summary>Why the machine was too crowded during the run for it to be evidence of a regression; null when it was not.</summary>
    public string? Crowded { get; init; }

    /// <summary>The runs of <c>repeat.runs</c>; empty for a file of one run.</summary>
    public IReadOnlyList<ScoreRecord> Runs { get; init; } = [];

    /// <summary>The figures to gate on: <see cref="GateFigures"/>, or the score (better when higher).</summary>
    public IReadOnlyList<GateFigure> Figures => GateFigures ?? [new GateFigure(GateFigure.ScoreName, Score, IsuBench.Bench.Figures.BetterWhen.Higher)];

    /// <summary>The runs the file holds for the statistics: its repeated runs, or the file itself as one run.</summary>
    public IReadOnlyList<ScoreRecord> Samples => Runs.Count > 0 ? Runs : [this];
}
