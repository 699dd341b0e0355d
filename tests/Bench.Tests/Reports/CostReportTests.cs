using System.Globalization;
using AngleSharp.Html.Parser;
using IsuBench.Bench.Compare;
using IsuBench.Bench.Cost;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;
using NJsonSchema;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>The cost of a run in result.json (its section and its gate figures), as the gate reads it, and in every report.</summary>
public sealed class CostReportTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ResultJson.Schema()).GetAwaiter().GetResult());
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-cost-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CostReport Report(double serverMsPerRequest = 0.8) => new(
        TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(42.5), 1000,
        [
            new SourceCost("process isuketch", "pid", "pid 4242", "1", Gated: true, TimeSpan.FromMilliseconds(serverMsPerRequest * 1000), serverMsPerRequest, null),
            new SourceCost("metrics 127.0.0.1:8080/metrics", "metrics", "http://127.0.0.1:8080/metrics", null, Gated: true, null, null, "http://127.0.0.1:8080/metrics did not answer"),
            new SourceCost("isubench", "bench", "pid 77", "0", Gated: false, TimeSpan.FromMilliseconds(400), 0.4, null),
        ],
        new MachineLoad([new CpuLoad(0, 0.5, 0), new CpuLoad(1, 0.875, 0.01)], 0.6875, 0.005),
        [
            new CostSample(TimeSpan.FromSeconds(1), new Dictionary<string, double> { ["process isuketch"] = 120, ["isubench"] = 60 }),
            new CostSample(TimeSpan.FromSeconds(2), new Dictionary<string, double> { ["process isuketch"] = 130.5, ["isubench"] = 61 }),
        ]);

    private static ResultDocument GateRun(double serverMsPerRequest = 0.8) => CostFigures.Attach(
        SampleResults.PassingDocument() with
        {
            GateFigures = new Dictionary<string, GateFigureDocument> { ["GET /api/rooms p50 ms"] = new(1.5, GateFigureDocument.Lower) },
        },
        Report(serverMsPerRequest));

    [Fact]
    public void Under_the_gate_workload_each_source_measured_joins_the_gate_figures_and_the_server_is_gated_relative_to_the_bench()
    {
        var figures = GateRun().GateFigures!;
        Assert.Equal(
            ["GET /api/rooms p50 ms", "process isuketch: cpu ms per request", "process isuketch: cpu per request relative to the bench",
             "isubench: cpu ms per request"],
            figures.Keys);
        Assert.Equal(new GateFigureDocument(0.8, GateFigureDocument.Lower, Gated: false), figures["process isuketch: cpu ms per request"]);
        Assert.Equal(new GateFigureDocument(0.4, GateFigureDocument.Lower, Gated: false), figures["isubench: cpu ms per request"]);
        // The yardstick: 0.8 ms of the server's against 0.4 ms of the bench's per request.
        Assert.Equal(new GateFigureDocument(2.0, GateFigureDocument.Lower, Gated: true), figures["process isuketch: cpu per request relative to the bench"]);
    }

    [Fact]
    public void Without_the_benchs_own_figure_the_servers_milliseconds_are_gated()
    {
        var report = Report() with { Sources = Report().Sources.Take(2).ToList() };
        var figures = CostFigures.Attach(SampleResults.PassingDocument(), report).GateFigures!;
        Assert.True(figures["process isuketch: cpu ms per request"].Gated);
        Assert.DoesNotContain("process isuketch: cpu per request relative to the bench", figures.Keys);
    }

    [Fact]
    public async Task A_machine_slower_for_everyone_moves_the_ms_figure_and_not_the_one_relative_to_the_bench()
    {
        // Every instruction 7 % slower (a host whose other guests take the caches): the server's and the bench's CPU per
        // request alike.
        static CostReport Slower(CostReport report, double factor) => report with
        {
            Sources = report.Sources.Select(s => s with { CpuMsPerRequest = s.CpuMsPerRequest * factor }).ToList(),
        };
        string baseline = Path.Combine(_directory, "baseline.json"), candidate = Path.Combine(_directory, "candidate.json");
        var document = SampleResults.PassingDocument() with { GateFigures = new Dictionary<string, GateFigureDocument>() };
        await File.WriteAllTextAsync(baseline, ResultJson.Serialize(CostFigures.Attach(document, Report())));
        await File.WriteAllTextAsync(candidate, ResultJson.Serialize(CostFigures.Attach(document, Slower(Report(), 1.07))));

        var outcome = ScoreGate.Evaluate(
            await ScoreFile.ReadAsync(candidate, CancellationToken.None), await ScoreFile.ReadAsync(baseline, CancellationToken.None), 0.10m);

        var slower = ResultJson.Deserialize(await File.ReadAllTextAsync(candidate)).GateFigures!["process isuketch: cpu ms per request"].Value;
        Assert.Equal(0.8 * 1.07, slower, 6);
        Assert.DoesNotContain(outcome.Figures, f => f.Name == "process isuketch: cpu ms per request");
        Assert.Equal(GateDecision.Pass, outcome.Figures.Single(f => f.Name == "process isuketch: cpu per request relative to the bench").Decision);
    }

    [Fact]
    public void Under_isucon_load_without_a_server_source_the_score_stays_the_one_gate_figure()
    {
        var report = Report() with { Sources = [Report().Sources[2]] };
        var document = CostFigures.Attach(SampleResults.PassingDocument(), report);
        Assert.Null(document.GateFigures);
        Assert.NotNull(document.Cost);
    }

    [Fact]
    public async Task Under_isucon_load_with_a_server_source_the_gate_judges_the_score_and_the_cost()
    {
        var document = CostFigures.Attach(SampleResults.PassingDocument(), Report());
        string path = Path.Combine(_directory, "result.json");
        await File.WriteAllTextAsync(path, ResultJson.Serialize(document));

        var record = await ScoreFile.ReadAsync(path, CancellationToken.None);

        Assert.Equal(["score", "process isuketch: cpu per request relative to the bench"], record.Figures.Select(f => f.Name));
        Assert.Equal(document.Score, record.Figures[0].Value);
    }

    [Fact]
    public async Task The_gate_fails_a_build_whose_server_spends_a_fifth_more_per_request()
    {
        string baseline = Path.Combine(_directory, "baseline.json"), candidate = Path.Combine(_directory, "candidate.json");
        await File.WriteAllTextAsync(baseline, ResultJson.Serialize(GateRun(0.80)));
        await File.WriteAllTextAsync(candidate, ResultJson.Serialize(GateRun(0.96)));

        var outcome = ScoreGate.Evaluate(
            await ScoreFile.ReadAsync(candidate, CancellationToken.None), await ScoreFile.ReadAsync(baseline, CancellationToken.None), 0.10m);

        Assert.Equal(GateDecision.Fail, outcome.Decision);
        Assert.Contains(outcome.Figures, f => f.Name == "process isuketch: cpu per request relative to the bench" && f.Decision == GateDecision.Fail);
        Assert.Contains(outcome.Figures, f => f.Name == "GET /api/rooms p50 ms" && f.Decision == GateDecision.Pass);
    }

    [Fact]
    public void Compare_leads_with_the_servers_cost_beside_the_other_gated_figures_and_leaves_the_benchs_out()
    {
        var figures = HeadlineFigures.Of([new ComparisonSide("A", "a.json", [GateRun(0.8)]), new ComparisonSide("B", "b.json", [GateRun(0.96)])]);
        var cost = Assert.Single(figures, f => f.Name == "process isuketch: cpu per request relative to the bench");
        Assert.Equal(BetterWhen.Lower, cost.Better);
        Assert.DoesNotContain(figures, f => f.Name == "isubench: cpu ms per request");
    }

    [Fact]
    public void The_cost_section_validates_against_the_schema_and_reads_back()
    {
        var document = GateRun();
        string json = ResultJson.Serialize(document);
        Assert.Empty(Schema.Value.Validate(json));
        var cost = ResultJson.Deserialize(json).Cost!;
        Assert.Equal(1000, cost.Requests);
        Assert.Equal(42.5, cost.ClosedAtSeconds);
        Assert.Equal(["pid", "metrics", "bench"], cost.Sources.Select(s => s.Kind));
        Assert.Equal("http://127.0.0.1:8080/metrics did not answer", cost.Sources[1].Missing);
        Assert.Equal(0.875, cost.Machine!.Cpus[1].Busy);
        Assert.Equal(130.5, cost.Series[1].CpuMsPerSecond["process isuketch"]);
    }

    [Fact]
    public void The_schema_rejects_a_source_of_an_unknown_kind()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ResultJson.Serialize(GateRun()))!.AsObject();
        node["cost"]!["sources"]![0]!["kind"] = "guess";
        Assert.NotEmpty(Schema.Value.Validate(node.ToJsonString()));
    }

    [Fact]
    public void A_result_written_before_the_cost_section_existed_still_reads()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ResultJson.Serialize(GateRun()))!.AsObject();
        node.Remove("cost");
        Assert.Empty(Schema.Value.Validate(node.ToJsonString()));
        Assert.Null(ResultJson.Deserialize(node.ToJsonString()).Cost);
        Assert.DoesNotContain("\"cost\"", ResultJson.Serialize(SampleResults.PassingDocument()));
    }

    [Fact]
    public void The_terminal_and_summary_md_show_each_source_and_why_one_is_missing()
    {
        var document = GateRun();
        string console = ConsoleSummary.Render(document);
        Assert.Contains("CPU per request over the measured window (12.5–42.5 s of the run, 1000 requests):", console);
        Assert.Matches(@"process isuketch\s+0\.8 ms \(800 ms of CPU, CPUs 1\)", console);
        Assert.Contains("missing: http://127.0.0.1:8080/metrics did not answer", console);
        Assert.Matches(@"isubench\s+0\.4 ms \(400 ms of CPU, CPUs 0\), not gated", console);
        Assert.Contains("machine: busy 68.8 %, stolen 0.5 % (CPU 0 busy 50 %, CPU 1 busy 87.5 %, stolen 1 %)", console);
        Assert.Contains("relative to the bench's own (the yardstick): process isuketch 2", console);

        string markdown = MarkdownSummary.Render(document);
        Assert.Contains("## CPU per request", markdown);
        Assert.Contains("| process isuketch | pid 4242 | 1 | 800 | 0.8 | relative to the bench |", markdown);
        Assert.Contains("| isubench | pid 77 | 0 | 400 | 0.4 | no |", markdown);
        Assert.DoesNotContain("CPU per request", ConsoleSummary.Render(SampleResults.PassingDocument()));
    }

    [Fact]
    public void The_html_report_has_the_table_and_a_chart_of_cpu_over_time()
    {
        var page = new HtmlParser().ParseDocument(HtmlReport.Render(GateRun()));
        var rows = page.QuerySelectorAll("table#cost tr").Skip(1).Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["process isuketch", "pid 4242", "1", "800", "0.8", "relative to the bench"], rows[0]);
        Assert.Equal("missing: http://127.0.0.1:8080/metrics did not answer", rows[1][3]);
        var line = page.QuerySelector($"#{CostSection.ChartId} polyline[data-series='process isuketch']")!.GetAttribute("data-values")!;
        Assert.Equal([120, 130.5], line.Split(' ').Select(pair => double.Parse(pair.Split(',')[1], CultureInfo.InvariantCulture)));
        Assert.Null(new HtmlParser().ParseDocument(HtmlReport.Render(SampleResults.PassingDocument())).QuerySelector("#cost"));
    }

    [Fact]
    public async Task A_crowded_run_says_so_in_every_report_and_its_result_json_and_the_gate_fails_nothing_on_it()
    {
        var crowded = Report(0.96) with
        {
            Machine = new MachineLoad([new CpuLoad(0, 1, 0), new CpuLoad(1, 0.9, 0)], 0.95, 0) { OtherCpus = 1.02, Crowded = "other processes kept 1.02 CPUs busy (more than 0.25)" },
        };
        var document = CostFigures.Attach(
            SampleResults.PassingDocument() with { GateFigures = new Dictionary<string, GateFigureDocument> { ["GET /api/rooms p50 ms"] = new(1.5, GateFigureDocument.Lower) } },
            crowded);
        string json = ResultJson.Serialize(document);
        Assert.Empty(Schema.Value.Validate(json));
        Assert.Equal(1.02, ResultJson.Deserialize(json).Cost!.Machine!.OtherCpus);

        const string Said = "CROWDED: other processes kept 1.02 CPUs busy (more than 0.25). The gate fails no figure of this run";
        Assert.Contains(Said, ConsoleSummary.Render(document));
        Assert.Contains("other processes 1.02 CPUs", ConsoleSummary.Render(document));
        Assert.Contains(Said, MarkdownSummary.Render(document));
        Assert.StartsWith(Said, new HtmlParser().ParseDocument(HtmlReport.Render(document)).QuerySelector($"#{CostSection.CrowdedId}")!.TextContent);
        Assert.Null(new HtmlParser().ParseDocument(HtmlReport.Render(GateRun())).QuerySelector($"#{CostSection.CrowdedId}"));

        // The same fifth more per request that fails on a quiet machine (above) is inconclusive here.
        string baseline = Path.Combine(_directory, "baseline.json"), candidate = Path.Combine(_directory, "candidate.json");
        await File.WriteAllTextAsync(baseline, ResultJson.Serialize(GateRun(0.80)));
        await File.WriteAllTextAsync(candidate, json);
        var outcome = ScoreGate.Evaluate(
            await ScoreFile.ReadAsync(candidate, CancellationToken.None), await ScoreFile.ReadAsync(baseline, CancellationToken.None), 0.10m);
        Assert.Equal(GateDecision.Inconclusive, outcome.Decision);
        Assert.Contains(outcome.Figures, f => f.Name == "process isuketch: cpu per request relative to the bench" && f.FailedOnCrowdedMachine);
    }
}
