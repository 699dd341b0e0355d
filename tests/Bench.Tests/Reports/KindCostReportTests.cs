using AngleSharp.Html.Parser;
using IsuBench.Bench.Compare;
using IsuBench.Bench.Cost;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;
using NJsonSchema;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>
/// The cost of each kind of request sent alone (the gate workload's kind windows): its figures, the gate on them, every report.
/// </summary>
public sealed class KindCostReportTests : IDisposable
{
    private const string RoomsRelative = "process isuketch, GET /api/rooms alone: cpu per request relative to the bench";
    private const string TopRelative = "process isuketch, GET / alone: cpu per request relative to the bench";
    private const string MixRelative = "process isuketch: cpu per request relative to the bench";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ResultJson.Schema()).GetAwaiter().GetResult());
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-kind-cost-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IReadOnlyList<SourceCost> Sources(double serverMs, double benchMs, double requests) =>
    [
        new SourceCost("process isuketch", "pid", "pid 4242", "1", Gated: true,
            TimeSpan.FromMilliseconds(serverMs * requests), serverMs, null),
        new SourceCost("isubench", "bench", "pid 77", "0", Gated: false, TimeSpan.FromMilliseconds(benchMs * requests), benchMs, null),
    ];

    // A gate run whose server spends `roomsMs` per GET /api/rooms when sent alone; the mix moves by a tenth of the change,
    // as one kind among several would move it.
    private static ResultDocument Run(double roomsMs = 1.0, double bench = 0.5) => CostFigures.Attach(
        SampleResults.PassingDocument() with
        {
            GateFigures = new Dictionary<string, GateFigureDocument> { ["GET /api/rooms p50 ms"] = new(1.5, GateFigureDocument.Lower) },
        },
        new CostReport(TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(30.2), 1000,
            Sources(4 + (roomsMs - 1.0) * 0.4, bench, 1000), null, [])
        {
            Kinds =
            [
                new KindCost("GET /", TimeSpan.FromSeconds(30.2), TimeSpan.FromSeconds(31.8), 75, Sources(3.0, bench * 2, 75), null),
                new KindCost("GET /api/rooms", TimeSpan.FromSeconds(31.8), TimeSpan.FromSeconds(33.4), 80,
                    Sources(roomsMs, bench, 80), null),
            ],
        });

    [Fact]
    public void Each_kind_and_source_gets_its_figures_the_servers_gated_relative_to_the_benchs_own_in_the_same_window()
    {
        var figures = Run().GateFigures!;

        var low = GateFigureDocument.Lower;
        Assert.Equal(new GateFigureDocument(3.0, low, Gated: false), figures["process isuketch, GET / alone: cpu ms per request"]);
        // The yardstick of GET / is the bench's own per request of GET / (1 ms), not the mix's (0.5 ms).
        Assert.Equal(new GateFigureDocument(3.0, low, Gated: true), figures[TopRelative]);
        Assert.Equal(new GateFigureDocument(2.0, low, Gated: true), figures[RoomsRelative]);
        Assert.Equal(new GateFigureDocument(1.0, low, Gated: false), figures["isubench, GET / alone: cpu ms per request"]);
        Assert.DoesNotContain("isubench, GET / alone: cpu per request relative to the bench", figures.Keys);
        Assert.All(figures.Keys.Where(k => k.Contains(" alone", StringComparison.Ordinal)), k => Assert.True(CostFigureName.Is(k), k));
        // The whole window's figures stay as they were.
        Assert.Equal(8.0, figures[MixRelative].Value);
    }

    [Fact]
    public async Task A_rise_in_one_kind_fails_that_kinds_figure_where_the_mix_moves_within_the_allowance()
    {
        // GET /api/rooms 20 % dearer: the mix 2 % (within the 3 % a cost may rise), the kind itself 20 %.
        var baseline = Enumerable.Range(0, 5).Select(i => Run(1.0 + i * 0.002)).ToList();
        var candidate = Enumerable.Range(0, 5).Select(i => Run(1.2 + i * 0.002)).ToList();
        string a = Path.Combine(_directory, "baseline.json"), b = Path.Combine(_directory, "candidate.json");
        await File.WriteAllTextAsync(a, ResultJson.Serialize(RepeatDocument.Summarize(baseline, "baseline")));
        await File.WriteAllTextAsync(b, ResultJson.Serialize(RepeatDocument.Summarize(candidate, "candidate")));

        var outcome = ScoreGate.Evaluate(
            [await ScoreFile.ReadAsync(b, CancellationToken.None)],
            [await ScoreFile.ReadAsync(a, CancellationToken.None)],
            GateSettings.Default);

        Assert.Equal(GateDecision.Fail, outcome.Decision);
        Assert.Equal(GateDecision.Fail, outcome.Figures.Single(f => f.Name == RoomsRelative).Decision);
        Assert.Equal(GateDecision.Pass, outcome.Figures.Single(f => f.Name == TopRelative).Decision);
        Assert.NotEqual(GateDecision.Fail, outcome.Figures.Single(f => f.Name == MixRelative).Decision);
    }

    [Fact]
    public void Compare_shows_the_gated_figure_of_each_kind()
    {
        var figures = HeadlineFigures.Of([new ComparisonSide("A", "a.json", [Run(1.0)]), new ComparisonSide("B", "b.json", [Run(1.2)])]);
        Assert.Contains(figures, f => f.Name == RoomsRelative);
        Assert.DoesNotContain(figures, f => f.Name == "isubench, GET /api/rooms alone: cpu ms per request");
    }

    [Fact]
    public void The_kinds_validate_against_the_schema_read_back_and_a_result_without_them_still_reads()
    {
        string json = ResultJson.Serialize(Run());
        Assert.Empty(Schema.Value.Validate(json));
        var kinds = ResultJson.Deserialize(json).Cost!.Kinds!;
        Assert.Equal(["GET /", "GET /api/rooms"], kinds.Select(k => k.Kind));
        Assert.Equal(80, kinds[1].Requests);
        Assert.Equal(33.4, kinds[1].ClosedAtSeconds);
        Assert.Equal(1.0, kinds[1].Sources[0].CpuMsPerRequest);

        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["cost"]!.AsObject().Remove("kinds");
        Assert.Empty(Schema.Value.Validate(node.ToJsonString()));
        Assert.Null(ResultJson.Deserialize(node.ToJsonString()).Cost!.Kinds);
        node["cost"]!["kinds"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["kind"] = "GET /" });
        Assert.NotEmpty(Schema.Value.Validate(node.ToJsonString()));
    }

    [Fact]
    public void The_terminal_summary_md_and_report_html_show_each_kind()
    {
        var document = Run();
        string console = ConsoleSummary.Render(document);
        Assert.Contains("CPU ms per request of each kind, sent alone", console);
        Assert.Matches(@"GET /api/rooms\s+80 requests: process isuketch 1 ms \(×2\), isubench 0\.5 ms", console);

        string markdown = MarkdownSummary.Render(document);
        Assert.Contains("| GET / | 30.2–31.8 | 75 | 3 ms (×3) | 1 ms |", markdown);

        var page = new HtmlParser().ParseDocument(HtmlReport.Render(document));
        var rows = page.QuerySelectorAll("table#cost-kinds tr").Skip(1)
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["GET /api/rooms", "31.8–33.4", "80", "1 ms (×2)", "0.5 ms"], rows[1]);
        Assert.Null(new HtmlParser().ParseDocument(HtmlReport.Render(SampleResults.PassingDocument())).QuerySelector("#cost-kinds"));
    }

    [Fact]
    public void A_kind_window_on_a_crowded_machine_marks_the_run_crowded()
    {
        var crowded = new MachineLoad([new CpuLoad(0, 1, 0)], 1, 0)
        {
            OtherCpus = 0.9,
            Crowded = "other processes kept 0.9 CPUs busy (more than 0.25)",
        };
        var quiet = new MachineLoad([new CpuLoad(0, 0.5, 0)], 0.5, 0);
        var report = new CostReport(TimeSpan.Zero, TimeSpan.FromSeconds(20), 100, Sources(4, 1, 100), quiet, [])
        {
            Kinds = [new KindCost("GET /", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21), 50, Sources(3, 1, 50), crowded)],
        };
        var document = CostFigures.Attach(
            SampleResults.PassingDocument() with { GateFigures = new Dictionary<string, GateFigureDocument>() }, report);

        Assert.Equal("while GET / was sent alone, other processes kept 0.9 CPUs busy (more than 0.25)", document.Cost!.Machine!.Crowded);
        Assert.Equal(0.9, document.Cost.Kinds![0].Machine!.OtherCpus);
        Assert.Empty(Schema.Value.Validate(ResultJson.Serialize(document)));
    }
}
