namespace IsuBench.Bench.Compare;

/// <summary>Writes a comparison's files into a folder: compare.md and compare.html.</summary>
internal static class CompareFiles
{
    /// <summary>Writes both files into <paramref name="directory"/> (created if needed); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, RunComparison comparison, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        string markdown = Path.Combine(directory, CompareMarkdown.FileName);
        string html = Path.Combine(directory, CompareHtml.FileName);
        await File.WriteAllTextAsync(markdown, CompareMarkdown.Render(comparison), cancellationToken);
        await File.WriteAllTextAsync(html, CompareHtml.Render(comparison), cancellationToken);
        return [markdown, html];
    }
}
