using System.Text;
using IsuBench.Bench.Figures;
using static IsuBench.Bench.Reports.MarkdownSummary;

namespace IsuBench.Bench.Compare;

/// <summary><c>compare.md</c>: the sides, score by kind, endpoints, SSE delivery and errors, each with its change against the first side.</summary>
internal static class CompareMarkdown
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "compare.md";

    /// <summary>The Markdown for <paramref name="comparison"/>.</summary>
    public static string Render(RunComparison comparison)
    {
        var sides = comparison.Sides;
        var md = new StringBuilder();
        md.Append($"# IsuBench comparison: {Cell(string.Join(" vs ", sides.Select(s => s.Label)))}\n\n");
        Headline(md, comparison);
        md.Append(FigureText.Legend(comparison)).Append("\n\n");
        md.Append("| side | source | runs | passed |\n|---|---|---:|---:|\n");
        foreach (var side in sides) md.Append($"| {Cell(side.Label)} | {Cell(side.Source)} | {side.Runs.Count} | {FigureText.Passed(side)} |\n");
        md.Append('\n');
        foreach (string note in comparison.Notes) md.Append($"- note: {Cell(note)}\n");
        if (comparison.Notes.Count > 0) md.Append('\n');

        md.Append("## Score\n\n");
        md.Append(comparison.SeveralRuns ? "| kind | side | points | min–max | CV | change |\n|---|---|---:|---:|---:|---:|\n" : "| kind | side | points | change |\n|---|---|---:|---:|\n");
        foreach (var figure in comparison.Scores)
            for (int i = 0; i < sides.Count; i++)
            {
                var side = figure.Sides[i];
                md.Append($"| {(i == 0 ? figure.Name : "")} | {Cell(sides[i].Label)} | {FigureText.Median(side)} |");
                if (comparison.SeveralRuns) md.Append($" {FigureText.Range(side)} | {FigureText.Variation(side)} |");
                md.Append($" {FigureText.Change(figure, i)} |\n");
            }
        md.Append('\n');

        md.Append("## Endpoints\n\n| endpoint | side | requests | change | errors | change | p50 ms | change | p99 ms | change |\n")
          .Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var endpoint in comparison.Endpoints)
            for (int i = 0; i < sides.Count; i++)
            {
                md.Append($"| {(i == 0 ? Cell(endpoint.Endpoint) : "")} | {Cell(sides[i].Label)} |");
                foreach (var figure in new[] { endpoint.Requests, endpoint.Errors, endpoint.P50Ms, endpoint.P99Ms })
                    md.Append($" {FigureText.Median(figure.Sides[i])} | {FigureText.Change(figure, i)} |");
                md.Append('\n');
            }
        md.Append('\n');

        md.Append("## SSE delivery\n\n");
        Wide(md, comparison, "figure", comparison.Delivery.Figures);
        md.Append("Delivery latency histogram, in % of each run's deliveries:\n\n");
        Wide(md, comparison, "delivered", comparison.Delivery.Buckets);

        var oneSided = comparison.OneSidedErrors.ToList();
        md.Append("## Errors on some sides only\n\n");
        Errors(md, comparison, oneSided);
        md.Append("## Errors on every side\n\n");
        Errors(md, comparison, comparison.Errors.Except(oneSided).ToList());
        return md.ToString();
    }

    // A row per figure, a column per side after the reference with its ratio to it.
    private static void Headline(StringBuilder md, RunComparison comparison)
    {
        var sides = comparison.Sides;
        md.Append("## Headline\n\n").Append(FigureText.HeadlineLegend(comparison)).Append("\n\n")
          .Append("| figure |").Append(string.Concat(sides.Skip(1).Select(s => $" {Cell(s.Label)} |")))
          .Append("\n|---|").Append(string.Concat(sides.Skip(1).Select(_ => "---:|"))).Append('\n');
        foreach (var figure in comparison.Headline)
            md.Append($"| {Cell(figure.Name)} |").Append(string.Concat(Enumerable.Range(1, sides.Count - 1).Select(i => $" {FigureText.Ratio(figure, i)} |"))).Append('\n');
        md.Append('\n');
    }

    // One row per figure, a column per side and a change column per compared side.
    private static void Wide(StringBuilder md, RunComparison comparison, string first, IReadOnlyList<ComparedFigure> figures)
    {
        var sides = comparison.Sides;
        md.Append($"| {first} |").Append(string.Concat(sides.Select((s, i) => i == 0 ? $" {Cell(s.Label)} |" : $" {Cell(s.Label)} | change |")))
          .Append("\n|---|").Append(string.Concat(sides.Select((_, i) => i == 0 ? "---:|" : "---:|---:|"))).Append('\n');
        foreach (var figure in figures)
        {
            md.Append($"| {Cell(figure.Name)} |");
            for (int i = 0; i < sides.Count; i++)
                md.Append(i == 0 ? $" {FigureText.Median(figure.Sides[i])} |" : $" {FigureText.Median(figure.Sides[i])} | {FigureText.Change(figure, i)} |");
            md.Append('\n');
        }
        md.Append('\n');
    }

    private static void Errors(StringBuilder md, RunComparison comparison, IReadOnlyList<ErrorComparison> errors)
    {
        if (errors.Count == 0)
        {
            md.Append("None.\n\n");
            return;
        }
        md.Append("| kind | message |").Append(string.Concat(comparison.Sides.Select(s => $" {Cell(s.Label)} |")))
          .Append("\n|---|---|").Append(string.Concat(comparison.Sides.Select(_ => "---:|"))).Append('\n');
        foreach (var error in errors)
            md.Append($"| {error.Kind} | {Cell(error.Message)} |")
              .Append(string.Concat(error.Sides.Select((tally, i) => $" {FigureText.Tally(tally, comparison.Sides[i])} |"))).Append('\n');
        md.Append('\n');
    }
}
