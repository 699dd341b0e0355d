using System.Globalization;
using System.Net;
using System.Text;
using IsuBench.Bench.Reports.Charts;

namespace IsuBench.Bench.Reports;

/// <summary>The cost of a run (<see cref="ResultDocument.Cost"/>) as each report shows it: the terminal's lines, summary.md's section, report.html's table and chart.</summary>
public static class CostSection
{
    /// <summary>The id of the chart of CPU over time, on report.html when the run has samples of it.</summary>
    public const string ChartId = "chart-cpu";

    /// <summary>The id of report.html's paragraph that says the machine was crowded, when it was.</summary>
    public const string CrowdedId = "crowded";

    /// <summary>Lines for the terminal; empty without a cost section.</summary>
    public static string Console(ResultDocument result)
    {
        if (result.Cost is not { } cost) return "";
        var text = new StringBuilder($"CPU per request over the measured window ({Window(cost)}):\n");
        int width = cost.Sources.Max(s => s.Name.Length);
        foreach (var s in cost.Sources)
            text.Append($"  {s.Name.PadRight(width)}  ")
                .Append(s.CpuMsPerRequest is { } ms ? $"{N(ms)} ms ({N(s.CpuMs ?? 0)} ms of CPU{Cpus(s)}){(s.Gated ? "" : ", not gated")}" : $"missing: {s.Missing}")
                .Append('\n');
        if (Relative(cost) is { } relative) text.Append($"  {relative}\n");
        if (cost.Machine is { } machine) text.Append($"  machine: {Machine(machine)}\n");
        if (cost.Machine?.Crowded is { } crowded) text.Append($"  {CrowdedText(crowded)}\n");
        if (cost.Kinds is { Count: > 0 } kinds)
        {
            text.Append("CPU ms per request of each kind, sent alone (relative to the bench's own in its window):\n");
            int kindWidth = kinds.Max(k => k.Kind.Length);
            foreach (var kind in kinds)
                text.Append($"  {kind.Kind.PadRight(kindWidth)}  {Quantity.Of(kind.Requests, "request")}: ")
                    .AppendJoin(", ", kind.Sources.Select(s => $"{s.Name} {KindCell(kind, s)}")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>summary.md's section; empty without a cost section.</summary>
    public static string Markdown(ResultDocument result)
    {
        if (result.Cost is not { } cost) return "";
        var md = new StringBuilder($"## CPU per request\n\nOver the measured window ({Window(cost)}).\n\n")
            .Append("| source | read from | CPUs | CPU ms | ms per request | gated |\n|---|---|---|---:|---:|---|\n");
        foreach (var s in cost.Sources)
            md.Append($"| {MarkdownSummary.Cell(s.Name)} | {MarkdownSummary.Cell(s.Detail)} | {s.Cpus ?? "?"} | ")
              .Append(s.CpuMsPerRequest is { } ms ? $"{N(s.CpuMs ?? 0)} | {N(ms)} |" : $"missing: {MarkdownSummary.Cell(s.Missing ?? "")} | |")
              .Append($" {GatedText(cost, s)} |\n");
        if (Relative(cost) is { } relative) md.Append($"\n{relative}.\n");
        if (cost.Machine is { } machine) md.Append($"\nThe machine: {Machine(machine)}.\n");
        if (cost.Machine?.Crowded is { } crowded) md.Append($"\n**{CrowdedText(crowded)}**\n");
        if (cost.Kinds is { Count: > 0 } kinds)
        {
            var names = kinds[0].Sources.Select(s => s.Name).ToList();
            md.Append("\n### Each kind of request alone\n\nCPU ms per request in each kind window (docs/ci.md), ")
              .Append("and relative to the bench's own in the same window, the gated figure.\n\n| kind | window s | requests | ")
              .AppendJoin(" | ", names.Select(MarkdownSummary.Cell)).Append(" |\n|---|---|---:|")
              .Append(string.Concat(names.Select(_ => "---:|"))).Append('\n');
            foreach (var kind in kinds)
                md.Append($"| {MarkdownSummary.Cell(kind.Kind)} | {KindWindow(kind)} | {kind.Requests} | ")
                  .AppendJoin(" | ", kind.Sources.Select(s => MarkdownSummary.Cell(KindCell(kind, s)))).Append(" |\n");
        }
        return md.Append('\n').ToString();
    }

    /// <summary>Appends report.html's section (a table, and a chart of CPU over time when there are samples); nothing without a cost section.</summary>
    public static void Html(StringBuilder html, ResultDocument result)
    {
        if (result.Cost is not { } cost) return;
        html.Append($"<h2>CPU per request</h2><p>Over the measured window ({E(Window(cost))}).</p>")
            .Append("<table id=\"cost\"><tr><th>source</th><th>read from</th><th>CPUs</th><th>CPU ms</th><th>ms per request</th><th>gated</th></tr>");
        foreach (var s in cost.Sources)
            html.Append($"<tr><td>{E(s.Name)}</td><td>{E(s.Detail)}</td><td>{E(s.Cpus ?? "?")}</td>")
                .Append(s.CpuMsPerRequest is { } ms
                    ? $"<td class=\"n\">{N(s.CpuMs ?? 0)}</td><td class=\"n\">{N(ms)}</td>"
                    : $"<td colspan=\"2\">missing: {E(s.Missing ?? "")}</td>")
                .Append($"<td>{GatedText(cost, s)}</td></tr>");
        html.Append("</table>");
        if (Relative(cost) is { } relative) html.Append($"<p>{E(relative)}.</p>");
        if (cost.Machine is { } machine) html.Append($"<p>The machine: {E(Machine(machine))}.</p>");
        if (cost.Machine?.Crowded is { } crowded) html.Append($"<p id=\"{CrowdedId}\"><strong>{E(CrowdedText(crowded))}</strong></p>");
        if (cost.Kinds is { Count: > 0 } kinds)
        {
            html.Append("<h3>Each kind of request alone</h3><p>CPU ms per request in each kind window (docs/ci.md), and relative to the ")
                .Append("bench's own in the same window, the gated figure.</p>")
                .Append("<table id=\"cost-kinds\"><tr><th>kind</th><th>window s</th><th>requests</th>");
            foreach (var source in kinds[0].Sources) html.Append($"<th>{E(source.Name)}</th>");
            html.Append("</tr>");
            foreach (var kind in kinds)
            {
                html.Append($"<tr><td>{E(kind.Kind)}</td><td>{E(KindWindow(kind))}</td><td class=\"n\">{kind.Requests}</td>");
                foreach (var source in kind.Sources) html.Append($"<td class=\"n\">{E(KindCell(kind, source))}</td>");
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        var names = cost.Series.SelectMany(p => p.CpuMsPerSecond.Keys).Distinct().ToList();
        if (names.Count == 0) return;
        HtmlReport.Figure(html, "CPU over time", LineChart.Render(ChartId, "CPU over time", "seconds", "CPU ms per second",
            names.Select(name => new ChartSeries(name, cost.Series
                .Where(p => p.CpuMsPerSecond.ContainsKey(name))
                .Select(p => new ChartPoint(p.ElapsedSeconds, p.CpuMsPerSecond[name])).ToList())).ToList()));
    }

    // A source's CPU per request of a kind: its milliseconds, and for the server's sources the ratio to the bench's own.
    private static string KindCell(CostKindDocument kind, CostSourceDocument source)
    {
        if (source.CpuMsPerRequest is not { } ms) return $"missing: {source.Missing}";
        double? bench = kind.Sources.FirstOrDefault(s => !s.Gated)?.CpuMsPerRequest;
        return source.Gated && bench > 0 ? $"{N(ms)} ms (×{N(ms / bench.Value)})" : $"{N(ms)} ms";
    }

    private static string KindWindow(CostKindDocument kind) =>
        $"{N(kind.OpenedAtSeconds)}–{(kind.ClosedAtSeconds is { } closed ? N(closed) : "?")}";

    private static string Window(CostDocument cost) =>
        $"{N(cost.OpenedAtSeconds)}–{(cost.ClosedAtSeconds is { } closed ? N(closed) : "?")} s of the run, {Quantity.Of(cost.Requests, "request")}";

    // How a source is gated: its milliseconds, or relative to the bench's own when the yardstick was measured (CostFigures).
    private static string GatedText(CostDocument cost, CostSourceDocument source) =>
        !source.Gated ? "no" : Relative(cost) is null ? "yes" : "relative to the bench";

    // The yardstick's figures (CostFigures): each server source's CPU per request over the bench's own.
    private static string? Relative(CostDocument cost)
    {
        if (cost.Sources.FirstOrDefault(s => !s.Gated)?.CpuMsPerRequest is not { } bench || bench <= 0) return null;
        var figures = cost.Sources.Where(s => s.Gated && s.CpuMsPerRequest is not null)
            .Select(s => $"{s.Name} {N(s.CpuMsPerRequest!.Value / bench)}").ToList();
        return figures.Count > 0 ? $"relative to the bench's own (the yardstick): {string.Join(", ", figures)}" : null;
    }

    private static string Cpus(CostSourceDocument source) => source.Cpus is { } cpus ? $", CPUs {cpus}" : "";

    /// <summary>What every report says of a run on a crowded machine.</summary>
    public static string CrowdedText(string reason) =>
        $"CROWDED: {reason}. The gate fails no figure of this run: a neighbour's load, not the server, may have moved them.";

    private static string Machine(MachineLoadDocument machine) =>
        $"busy {Percent(machine.Busy)}, stolen {Percent(machine.Steal)}"
        + (machine.OtherCpus is { } others ? $", other processes {N(others)} CPUs" : "")
        + (machine.Cpus.Count > 0 ? " (" + string.Join(", ", machine.Cpus.Select(c => $"CPU {c.Cpu} busy {Percent(c.Busy)}" + (c.Steal > 0 ? $", stolen {Percent(c.Steal)}" : ""))) + ")" : "");

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
