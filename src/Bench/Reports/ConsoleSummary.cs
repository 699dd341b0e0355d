using System.Globalization;
using System.Text;

namespace IsuBench.Bench.Reports;

/// <summary>The end-of-run text for the terminal: outcome and score, repeated runs side by side, the endpoint table, errors with counts.</summary>
internal static class ConsoleSummary
{
    /// <summary>Most distinct errors listed (the files hold them all).</summary>
    public const int MaxErrorsShown = 20;

    /// <summary>The summary of <paramref name="result"/>, and of its <paramref name="comparison"/> with a baseline when there was one.</summary>
    public static string Render(ResultDocument result, BaselineComparison? comparison = null)
    {
        var text = new StringBuilder();
        string kinds = string.Join(", ", result.Scores.Select(s => $"{s.Key} {s.Value.Points}"));
        text.Append($"{BaselineComparison.WordOf(result, comparison)}  score {result.Score}  ({kinds})")
            .Append(result.Interrupted ? "  [interrupted]" : "")
            .Append(result.LoadRan ? "" : result.Options.CheckOnly ? "  [initial check only]" : "  [load phase not run: the initial check failed]")
            .Append('\n');
        if (comparison is not null) text.Append(comparison.Line).Append('\n');
        text.AppendJoin(" · ", RunIdentity.Parts(result)).Append('\n');
        if (result.Repeat is { } repeat)
        {
            if (repeat.WarmUp is { } warmUp)
                text.Append("warm-up, not counted: ").AppendJoin("  ", warmUp.Select(r => $"{r.RunId} {(r.Pass ? "PASS" : "FAIL")} {r.Score}")).Append('\n');
            text.Append($"{Quantity.Of(repeat.Count, "run")}: ").AppendJoin("  ", repeat.Runs.Select(r => $"{r.RunId} {(r.Pass ? "PASS" : "FAIL")} {r.Score}")).Append('\n');
            foreach (var (figure, spread) in repeat.Spread)
                text.Append($"  {figure}: median {N(spread.Median)}, range {N(spread.Min)}–{N(spread.Max)}, CV {Percent(spread.CoefficientOfVariation)}\n");
            text.Append($"details below are {repeat.MedianRunId}'s, the run nearest the median\n");
        }
        if (result.Endpoints.Count > 0)
        {
            int width = Math.Max(8, result.Endpoints.Max(e => e.Endpoint.Length));
            text.Append($"{"endpoint".PadRight(width)}  {"requests",9} {"errors",7} {"timeouts",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}\n");
            foreach (var e in result.Endpoints)
                text.Append($"{e.Endpoint.PadRight(width)}  {e.Count,9} {e.Errors,7} {e.Timeouts,8} {N(e.P50Ms),8} {N(e.P90Ms),8} {N(e.P99Ms),8} {N(e.MaxMs),8}\n");
        }
        var d = result.SseDelivery;
        if (d.Count > 0)
            text.Append($"SSE deliveries {d.Count}: p50 {N(d.P50Ms)} ms, p99 {N(d.P99Ms)} ms, max {N(d.MaxMs)} ms\n");
        text.Append(TlsSection.Console(result));
        text.Append(CostSection.Console(result));
        if (result.Errors.Count > 0)
        {
            text.Append($"errors ({result.Errors.Sum(e => e.Count)} in {Quantity.Of(result.Errors.Count, "distinct message")}{ErrorBreakdown(result)}):\n");
            foreach (var e in result.Errors.Take(MaxErrorsShown))
                text.Append($"  {e.Count,6}× [{e.Kind}] {e.Message}\n");
            if (result.Errors.Count > MaxErrorsShown) text.Append($"  … {result.Errors.Count - MaxErrorsShown} more in result.json\n");
        }
        return text.ToString();
    }

    // The live progress counts server errors only (ordinary and critical); when the run had other kinds too, say how the
    // total splits, so that the two figures are seen to differ for a reason.
    private static string ErrorBreakdown(ResultDocument result)
    {
        var others = result.Errors.Where(e => e.Kind is not ("critical" or "ordinary")).GroupBy(e => e.Kind).ToList();
        if (others.Count == 0) return "";
        long server = result.Errors.Where(e => e.Kind is "critical" or "ordinary").Sum(e => e.Count);
        return $": {Quantity.Of(server, "server error")} (the count the progress showed), "
            + string.Join(", ", others.Select(kind => Quantity.Of(kind.Sum(e => e.Count), kind.Key switch
            {
                "warning" => "warning",
                "bench_capacity" => "bench capacity error",
                _ => $"{kind.Key} error",
            })));
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A coefficient of variation as a percentage; a dash for a single run.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";
}
