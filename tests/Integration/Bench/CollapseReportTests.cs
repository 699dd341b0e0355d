using System.Globalization;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Reports.Charts;
using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.DataSet;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// A run against a reference that collapses on purpose yields a report whose errors-over-time chart names what the bench saw
/// fail, checked in headless chromium. The reference's MySQL pool is cut to two connections that a request waits for at most a
/// second, and once the load phase is under way the test takes both for a while: whether a busy pool ran dry by itself depended
/// on the machine's speed.
/// </summary>
public sealed class CollapseReportTests : IDisposable
{
    private const string PoolExhausted = "All pooled connections are in use";

    // The initial check loads a few images; the load phase loads dozens a second, so this many means the load is under way.
    private const int ImagesBeforeCollapse = 30;

    // Longer than the pool's one-second wait, so that the requests waiting for a connection meanwhile fail.
    private static readonly TimeSpan PoolHeldFor = TimeSpan.FromSeconds(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-collapse-").FullName;

    [Fact]
    public async Task A_run_against_an_exhausted_pool_reports_the_errors_it_caused_by_message_over_time()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync($"collapse_{Guid.NewGuid():N}"[..30]);
        // 150 rooms: enough for the initial check (it needs 100 rooms with strokes), quicker to load than 1000.
        await new DataSetLoader(DataSetGenerator.WithIsuStrokes(42, 150)).LoadAsync(connectionString, CancellationToken.None);
        var tiny = new MySqlConnectionStringBuilder(connectionString) { MaximumPoolSize = 2, ConnectionTimeout = 1 }.ConnectionString;
        await using var app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", tiny, "--profile", ReferenceOptions.BaselineProfile]);
        var log = new CapturedServerLog();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var loadUnderWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int images = 0;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/img") && Interlocked.Increment(ref images) == ImagesBeforeCollapse) loadUnderWay.TrySetResult();
            await next(context);
        });
        await app.StartAsync();
        try
        {
            var outDir = Path.Combine(_directory, "run");
            var run = BenchCommandRunner.RunAsync(
                "run", "--target", app.Urls.First(), "--duration", "4", "--out", outDir, "--no-progress", "--baseline", Path.Combine(_directory, "none.json"));
            if (await Task.WhenAny(loadUnderWay.Task, run) == loadUnderWay.Task)
                await HoldThePoolAsync(app.Services.GetRequiredService<MySqlDataSource>());
            var (_, output, error) = await run;

            string json = await File.ReadAllTextAsync(Path.Combine(outDir, ResultJson.FileName));
            Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
            var result = ResultJson.Deserialize(json);

            // The server ran out of pooled connections and answered 500; the bench saw those 500s, each one a logged exhaustion.
            int exhausted = log.Entries.Count(e => e.Contains(PoolExhausted, StringComparison.Ordinal));
            Assert.True(exhausted > 0, $"the pool never ran dry\n{output}\n{error}");
            var failed = result.ErrorsOverTime!.Messages.Where(m => m.Message.Contains(": status 500", StringComparison.Ordinal)).ToList();
            long seen = failed.Sum(m => m.Counts.Sum());
            var messages = string.Join("\n", result.ErrorsOverTime.Messages.Select(m => $"{m.Kind} {m.Message}: {m.Counts.Sum()}"));
            Assert.True(seen >= 1 && seen <= exhausted, $"{seen} failures with status 500 seen, {exhausted} exhaustions logged; tracked messages:\n{messages}\n{output}");
            // The 500s rose with the exhaustion; on a busy machine the streams' errors it also caused may rise more, and lead.
            var rising = RisingErrors.Of(result);
            Assert.Contains(rising, m => m.Message.Contains(": status 500", StringComparison.Ordinal));
            var top = rising[0];

            // The page, as a browser draws it: the chart by message names that error, its line is drawn, and the note says when it rose.
            var rendered = await ReportInBrowser.OpenAsync(Path.Combine(outDir, HtmlReport.FileName), [ErrorsOverTimeHtml.ChartId],
                [$"#{ErrorsOverTimeHtml.ChartId} .legend-row text", $"#{ErrorsOverTimeHtml.NoteId} li", "#chart-score g.marker text"]);
            Assert.Empty(rendered.RefusedRequests);
            Assert.Empty(rendered.ScriptErrors);
            var chart = rendered.Charts[ErrorsOverTimeHtml.ChartId];
            Assert.True(chart.Width > 100 && chart.Height > 100 && chart.DrawnExtent > 0, $"chart laid out as {chart}");
            // A long message (the streams' errors name a longer endpoint) is cut to the row's width.
            Assert.Equal(LineChart.LegendRowText(ErrorsOverTimeHtml.SeriesName(top)), rendered.Texts[$"#{ErrorsOverTimeHtml.ChartId} .legend-row text"][0]);
            Assert.StartsWith($"{top.Message} ({top.Kind}, {top.Total} in all): rose from ", rendered.Texts[$"#{ErrorsOverTimeHtml.NoteId} li"][0]);
            Assert.Contains($"#1 from {top.RiseSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", rendered.Texts["#chart-score g.marker text"]);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    // Takes every connection of the pool, retrying while the server holds them, and gives them back after a while.
    private static async Task HoldThePoolAsync(MySqlDataSource dataSource)
    {
        var held = new List<MySqlConnection>();
        try
        {
            while (held.Count < 2)
            {
                try
                {
                    held.Add(await dataSource.OpenConnectionAsync());
                }
                catch (MySqlException e) when (e.Message.Contains(PoolExhausted, StringComparison.Ordinal))
                {
                }
            }
            await Task.Delay(PoolHeldFor);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
