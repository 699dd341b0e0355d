using System.Xml.Linq;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Bench.Commands;

/// <summary>
/// The terminal, summary.md, report.html, junit.xml and the exit code of a run say the same thing, all made by
/// <see cref="BenchmarkExecution.ReportAsync"/> from one result and its comparison with a baseline (if any); and the
/// demo compares with a baseline only when given one.
/// </summary>
public sealed class OutcomeAgreementTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"isubench-outcome-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private sealed record Outputs(int ExitCode, string Terminal, string Summary, string Report, XElement GateCase);

    private async Task<Outputs> ReportAsync(ResultDocument document, BaselineComparison? comparison)
    {
        var terminal = new StringWriter();
        int exitCode = await BenchmarkExecution.ReportAsync(document, comparison, stoppedWith: null, _directory, json: false, terminal, terminal);
        var junit = XDocument.Load(Path.Combine(_directory, JUnitXml.FileName));
        return new Outputs(exitCode, terminal.ToString(),
            await File.ReadAllTextAsync(Path.Combine(_directory, MarkdownSummary.FileName)),
            await File.ReadAllTextAsync(Path.Combine(_directory, HtmlReport.FileName)),
            junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "score gate"));
    }

    // The passing sample compared with a baseline whose score is `factor` times its own.
    private static BaselineComparison Against(ResultDocument document, double factor, bool decides) =>
        new("results/baseline.json",
            ScoreGate.Evaluate(new ScoreRecord(true, document.Score, []), new ScoreRecord(true, (long)(document.Score * factor), []), ScoreGate.DefaultMaxDrop),
            decides);

    [Fact]
    public async Task Without_a_baseline_every_output_passes_and_the_gate_case_is_skipped()
    {
        var document = SampleResults.PassingDocument();
        var outputs = await ReportAsync(document, comparison: null);

        Assert.Equal(ExitCodes.Pass, outputs.ExitCode);
        Assert.StartsWith($"PASS  score {document.Score}", outputs.Terminal);
        Assert.StartsWith($"# IsuBench run {document.RunId}: PASS, score", outputs.Summary);
        Assert.Contains("<span class=\"outcome pass\">PASS</span>", outputs.Report);
        Assert.NotNull(outputs.GateCase.Element("skipped"));
        Assert.Null(outputs.GateCase.Element("failure"));
        Assert.DoesNotContain("baseline", outputs.Terminal);
    }

    [Fact]
    public async Task A_deciding_regression_fails_the_terminal_the_summary_the_report_the_junit_case_and_the_exit_code()
    {
        var document = SampleResults.PassingDocument();
        var comparison = Against(document, factor: 3, decides: true);
        Assert.Equal(GateDecision.Fail, comparison.Outcome.Decision);
        var outputs = await ReportAsync(document, comparison);

        Assert.Equal(ExitCodes.Regression, outputs.ExitCode);
        Assert.StartsWith($"FAIL  score {document.Score}", outputs.Terminal);
        Assert.Contains(comparison.Outcome.Reason, outputs.Terminal);
        Assert.StartsWith($"# IsuBench run {document.RunId}: FAIL, score", outputs.Summary);
        Assert.Contains(comparison.Outcome.Reason, outputs.Summary);
        Assert.Contains("<span class=\"outcome fail\">FAIL</span>", outputs.Report);
        Assert.Contains("id=\"baseline-comparison\"", outputs.Report);
        Assert.Equal(comparison.Outcome.Reason, (string)outputs.GateCase.Element("failure")!.Attribute("message")!);
    }

    [Fact]
    public async Task A_deciding_pass_passes_everywhere_and_names_the_baseline()
    {
        var document = SampleResults.PassingDocument();
        var outputs = await ReportAsync(document, Against(document, factor: 1, decides: true));

        Assert.Equal(ExitCodes.Pass, outputs.ExitCode);
        Assert.StartsWith("PASS  score", outputs.Terminal);
        Assert.Contains("compared with the baseline results/baseline.json", outputs.Terminal);
        Assert.Contains(": PASS, score", outputs.Summary);
        Assert.Null(outputs.GateCase.Element("failure"));
        Assert.Null(outputs.GateCase.Element("skipped"));
    }

    [Fact]
    public async Task A_failed_run_fails_with_exit_1_whatever_the_baseline_says()
    {
        var document = SampleResults.FailingDocument();
        var outputs = await ReportAsync(document, new BaselineComparison("b.json", new GateOutcome(false, "FAIL: the run failed"), Decides: true));

        Assert.Equal(ExitCodes.BenchmarkFailed, outputs.ExitCode);
        Assert.StartsWith("FAIL  score", outputs.Terminal);
        Assert.Contains(": FAIL, score", outputs.Summary);
        Assert.NotNull(outputs.GateCase.Element("failure"));
    }

    [Fact]
    public async Task A_comparison_that_does_not_decide_says_so_wherever_it_is_shown()
    {
        // run's junit-only score gate case: the outcome and exit code are the run's, and each output labels the comparison.
        var document = SampleResults.PassingDocument();
        var outputs = await ReportAsync(document, Against(document, factor: 3, decides: false));

        Assert.Equal(ExitCodes.Pass, outputs.ExitCode);
        Assert.StartsWith("PASS  score", outputs.Terminal);
        Assert.Contains("not part of the run's outcome", outputs.Terminal);
        Assert.Contains("not part of the run's outcome", outputs.Summary);
        Assert.Contains("not part of the run's outcome", System.Net.WebUtility.HtmlDecode(outputs.Report));
        Assert.NotNull(outputs.GateCase.Element("failure"));
    }

    [Theory]
    [InlineData(GateDecision.Pass, ExitCodes.Pass)]
    [InlineData(GateDecision.Fail, ExitCodes.Regression)]
    [InlineData(GateDecision.Inconclusive, ExitCodes.Inconclusive)]
    public void The_exit_code_follows_a_deciding_decision(GateDecision decision, int exitCode)
    {
        var document = SampleResults.PassingDocument();
        var comparison = new BaselineComparison("b.json", new GateOutcome(decision, "why"), Decides: true);
        Assert.Equal(exitCode, BenchmarkExecution.ExitCodeOf(document, comparison));
        Assert.Equal(GateText.Word(decision), BaselineComparison.WordOf(document, comparison));
        Assert.Equal(ExitCodes.Pass, BenchmarkExecution.ExitCodeOf(document, comparison with { Decides = false }));
    }

    [Fact]
    public void The_demo_has_no_baseline_unless_given_one()
    {
        var demo = BenchCommandLine.Build().Subcommands.Single(c => c.Name == "demo");
        var option = demo.Options.Single(o => o.Name == "--baseline");
        Assert.False(option.HasDefaultValue);
        Assert.Null(BenchCommandLine.Build().Parse(["demo"]).GetValue<string>("--baseline"));
        Assert.Equal("mine.json", BenchCommandLine.Build().Parse(["demo", "--baseline", "mine.json"]).GetValue<string>("--baseline"));
    }

    [Fact]
    public async Task A_demo_baseline_is_checked_before_anything_starts()
    {
        Assert.Null(await DemoCommand.UnusableBaselineAsync(null, CancellationToken.None));
        Assert.Null(await DemoCommand.UnusableBaselineAsync(Path.Combine(RepositoryRoot.Path, "results", "baseline.json"), CancellationToken.None));
        var missing = Path.Combine(_directory, "missing.json");
        Assert.Contains($"--baseline {missing} does not exist", await DemoCommand.UnusableBaselineAsync(missing, CancellationToken.None));

        // From the command line: exit 4 with the reason, and no database started in --dir.
        var error = new StringWriter();
        var db = Path.Combine(_directory, "db");
        int exitCode = await BenchCommandLine.RunAsync(["demo", "--dir", db, "--baseline", missing], new StringWriter(), error);
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("does not exist", error.ToString());
        Assert.False(Directory.Exists(db));
    }
}
