using IsuBench.Integration.Browser;
using Microsoft.Playwright;

namespace IsuBench.Integration.Bench;

/// <summary>Opens a report page (report.html, compare.html) from disk in headless chromium with every non-file request refused, and checks its charts were drawn.</summary>
internal static class ReportInBrowser
{
    /// <summary>
    /// Loads <paramref name="reportPath"/>, measures the charts <paramref name="chartIds"/>, reads the text of what each of
    /// <paramref name="textSelectors"/> matches, saves a screenshot beside it (same name, .png), and returns what the browser saw.
    /// </summary>
    public static async Task<RenderedReport> OpenAsync(string reportPath, IReadOnlyList<string> chartIds, IReadOnlyList<string>? textSelectors = null)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1400 } });
        var refused = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) await route.ContinueAsync();
            else
            {
                lock (refused) refused.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(new Uri(Path.GetFullPath(reportPath)).AbsoluteUri);

        var charts = new Dictionary<string, ChartBox>();
        foreach (var id in chartIds)
        {
            var svg = page.Locator($"svg#{id}");
            var box = await svg.BoundingBoxAsync();
            int marks = await svg.Locator("polyline.series, rect.bar").CountAsync();
            // The drawn extent of the data marks, as the browser laid them out (not the markup).
            float drawn = await svg.EvaluateAsync<float>(
                "s => [...s.querySelectorAll('polyline.series, rect.bar')].reduce((a, e) => { const b = e.getBBox(); return a + b.width + b.height; }, 0)");
            charts[id] = new ChartBox(box?.Width ?? 0, box?.Height ?? 0, marks, drawn);
        }
        var texts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var selector in textSelectors ?? [])
            texts[selector] = await page.Locator(selector).AllTextContentsAsync();
        string screenshot = Path.ChangeExtension(reportPath, ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        return new RenderedReport(charts, png.Length, screenshot, refused, errors, await page.TitleAsync()) { Texts = texts };
    }
}

/// <summary>What the browser made of one chart: its laid-out size, its data marks and their drawn extent.</summary>
internal sealed record ChartBox(float Width, float Height, int Marks, float DrawnExtent);

/// <summary>What the browser made of the report.</summary>
internal sealed record RenderedReport(
    IReadOnlyDictionary<string, ChartBox> Charts, int ScreenshotBytes, string ScreenshotPath, IReadOnlyList<string> RefusedRequests,
    IReadOnlyList<string> ScriptErrors, string Title)
{
    /// <summary>The text of every element each selector asked for matched, in page order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Texts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
