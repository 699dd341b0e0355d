using System.Net;
using System.Text;

namespace IsuBench.Bench.Reports;

/// <summary>
/// Which TLS stack served each https origin (<see cref="ResultDocument.Tls"/>) as each report shows it: a line per origin on the
/// terminal and in summary.md, a table in report.html; a warning first when the own client could not run on this machine.
/// </summary>
internal static class TlsSection
{
    /// <summary>The id of report.html's table.</summary>
    public const string TableId = "tls";

    /// <summary>Lines for the terminal; empty for a run with no https origin.</summary>
    public static string Console(ResultDocument result)
    {
        if (result.Tls is not { Count: > 0 } origins) return "";
        var text = new StringBuilder();
        foreach (string warning in Warnings(origins)) text.Append($"warning: {warning}; the platform's TLS served instead\n");
        foreach (var origin in origins) text.Append($"TLS {origin.Origin}: {origin.ToUse().Describe()}{Connections(origin)}\n");
        return text.ToString();
    }

    /// <summary>summary.md's section; empty for a run with no https origin.</summary>
    public static string Markdown(ResultDocument result)
    {
        if (result.Tls is not { Count: > 0 } origins) return "";
        var md = new StringBuilder($"## TLS\n\nTLS stack choice: {result.Options.Tls ?? "auto"} (`--tls`).\n\n");
        foreach (string warning in Warnings(origins))
            md.Append($"**Warning:** {MarkdownSummary.Cell(warning)}; the platform's TLS served instead.\n\n");
        md.Append("| origin | stack | protocol | cipher suite | why | connections (own / platform) |\n")
          .Append("|---|---|---|---|---|---:|\n");
        foreach (var o in origins)
            md.Append($"| {o.Origin} | {o.Stack} | {o.Protocol ?? "none"} | {o.CipherSuite ?? "none"} | ")
              .Append($"{MarkdownSummary.Cell(o.Reason)} | ")
              .Append($"{o.OwnConnections} / {o.PlatformConnections} |\n");
        return md.Append('\n').ToString();
    }

    /// <summary>report.html's table; nothing for a run with no https origin.</summary>
    public static void Html(StringBuilder html, ResultDocument result)
    {
        if (result.Tls is not { Count: > 0 } origins) return;
        html.Append($"<h2>TLS</h2><p>TLS stack choice: {E(result.Options.Tls ?? "auto")} (<code>--tls</code>).</p>");
        foreach (string warning in Warnings(origins))
            html.Append($"<p class=\"warning\"><strong>Warning:</strong> {E(warning)}; the platform's TLS served instead.</p>");
        html.Append($"<table id=\"{TableId}\"><tr><th>origin</th><th>stack</th><th>protocol</th><th>cipher suite</th><th>why</th>")
            .Append("<th>own connections</th><th>platform connections</th></tr>");
        foreach (var o in origins)
            html.Append($"<tr><td>{E(o.Origin)}</td><td>{E(o.Stack)}</td><td>{E(o.Protocol ?? "none")}</td>")
                .Append($"<td>{E(o.CipherSuite ?? "none")}</td>")
                .Append($"<td>{E(o.Reason)}</td><td>{o.OwnConnections}</td><td>{o.PlatformConnections}</td></tr>");
        html.Append("</table>");
    }

    private static IEnumerable<string> Warnings(IReadOnlyList<TlsOriginDocument> origins) =>
        origins.Select(o => o.Warning).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Connections(TlsOriginDocument origin) =>
        $" [connections: {origin.OwnConnections} own, {origin.PlatformConnections} platform]";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
