
namespace IsuBench.Bench.Reports;

/// <summary>Writes a run's files into its folder: result.json, summary.md, report.html, junit.xml.</summary>
internal static class ResultFiles
{
    /// <summary>The default parent folder of run folders.</summary>
    public const string DefaultRoot = "results";

    /// <summary>A fresh folder name under <paramref name="root"/> for a run started at <paramref name="startedAt"/> (suffixed when taken).</summary>
    public static string NewRunDirectory(string root, DateTimeOffset startedAt)
    {
        string id = startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        string path = Path.Combine(root, id);
        for (int n = 2; Directory.Exists(path); n++) path = Path.Combine(root, $"{id}-{n}");
        return path;
    }

    /// <summary>
    /// Writes the four files into <paramref name="directory"/> (created if needed); returns their paths. The
    /// <paramref name="comparison"/> with a baseline, when there was one, is junit.xml's score-gate case and a line of
    /// summary.md and report.html (their verdict too when it decides).
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, ResultDocument result, BaselineComparison? comparison, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var junit = JUnitXml.Render(result, comparison?.Outcome);
        var files = new (string Name, string Content)[]
        {
            (ResultJson.FileName, ResultJson.Serialize(result) + "\n"),
            (MarkdownSummary.FileName, MarkdownSummary.Render(result, comparison)),
            (HtmlReport.FileName, HtmlReport.Render(result, comparison)),
            (JUnitXml.FileName, JUnitSuite.Text(junit)),
        };
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            string path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content, cancellationToken);
            paths.Add(path);
        }
        return paths;
    }
}
