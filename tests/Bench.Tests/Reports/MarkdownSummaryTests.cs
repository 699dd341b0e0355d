using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

public sealed class MarkdownSummaryTests
{
    private static string[] Cells(string row) =>
        System.Text.RegularExpressions.Regex.Split(row.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Trim()).ToArray();

    private static List<string[]> Table(string markdown, string header)
    {
        var lines = markdown.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no table starting with {header}");
        return lines.Skip(start).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
    }

    [Fact]
    public void The_endpoint_table_has_one_row_per_endpoint_with_every_column()
    {
        var result = SampleResults.PassingDocument();
        var table = Table(MarkdownSummary.Render(result), "| endpoint |");
        Assert.Equal(["endpoint", "requests", "errors", "timeouts", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"], table[0]);
        Assert.All(table[1], cell => Assert.Matches("^-+:?$|^---$", cell));
        var rows = table.Skip(2).ToList();
        Assert.Equal(result.Endpoints.Select(e => e.Endpoint), rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(9, r.Length));
        var image = rows.Single(r => r[0] == "GET /img/{id}");
        Assert.Equal(["5", "1", "1"], image[1..4]);
    }

    [Fact]
    public void The_score_table_lists_each_kind_and_the_total()
    {
        var result = SampleResults.PassingDocument();
        var table = Table(MarkdownSummary.Render(result), "| kind |");
        Assert.Equal(["get", "post", "stream_stroke", "**total**"], table.Skip(2).Select(r => r[0]));
        Assert.Equal($"**{result.Score}**", table[^1][2]);
    }

    [Fact]
    public void A_pipe_in_an_error_message_does_not_break_the_error_table()
    {
        var table = Table(MarkdownSummary.Render(SampleResults.PassingDocument()), "| kind | count | message |");
        var row = Assert.Single(table.Skip(2));
        Assert.Equal(3, row.Length);
        Assert.Equal("2", row[1]);
        Assert.Contains(@"body \| had", row[2]);
    }

    [Fact]
    public void A_failed_run_says_so_and_lists_the_failed_verdict_with_its_evidence()
    {
        var markdown = MarkdownSummary.Render(SampleResults.FailingDocument());
        Assert.StartsWith("# IsuBench run 20260102-030405: FAIL", markdown);
        Assert.Contains("initial check: FAILED", markdown);
        Assert.Contains("`svg.stroke-present`: the SVG lacks the stroke [GET /img/1001] expected: a polyline with id 7; got: no polyline with id 7", markdown);
        var checks = Table(markdown, "| check |").Skip(2).ToList();
        Assert.Equal(["pass", "FAIL", "skipped"], checks.Select(r => r[1]));
    }

    [Fact]
    public void The_summary_says_when_each_frequent_message_rose_one_line_each()
    {
        var markdown = MarkdownSummary.Render(SampleResults.CollapsingDocument());
        var lines = markdown.Split('\n');
        int start = Array.IndexOf(lines, "## Errors over time");
        Assert.True(start >= 0, markdown);
        var rises = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith("- ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            $"- #1 from 12 s: {SampleResults.CollapseMessage} (ordinary, 452 in all, first seen at 3 s; at most 90 in one sample, at 20 s)",
            $"- #2 from 14 s: {SampleResults.FollowingMessage} (ordinary, 35 in all; at most 5 in one sample, at 14 s)",
        ], rises);
    }

    [Fact]
    public void A_result_without_errors_over_time_has_no_such_section()
    {
        var markdown = MarkdownSummary.Render(SampleResults.CollapsingDocument() with { ErrorsOverTime = null });
        Assert.DoesNotContain("## Errors over time", markdown);
        Assert.Contains("## Errors", markdown);
    }
}
