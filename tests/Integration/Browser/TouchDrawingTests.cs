using IsuBench.Integration.Reference;
using Microsoft.Playwright;

namespace IsuBench.Integration.Browser;

/// <summary>Drawing with a finger: touch input goes through the browser's own input pipeline (DevTools protocol).</summary>
// The client's input handling does not depend on the store: baseline only.
public sealed class TouchDrawingTests(BaselineServer server) : IClassFixture<BaselineServer>
{
    [Fact]
    public async Task A_touch_drag_on_the_canvas_is_stored_as_a_stroke()
    {
        // A room that already has a stroke, so any visitor may draw in it.
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token, "touch")).GetProperty("id").GetInt64();
        var first = await server.Api.PostStrokeAsync(token, roomId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            HasTouch = true,
            IsMobile = true,
            ViewportSize = new ViewportSize { Width = 400, Height = 700 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000); // a guard against hangs, not a speed check
        var scriptErrors = new List<string>();
        page.PageError += (_, message) => scriptErrors.Add(message);
        await page.GotoAsync($"{server.BaseAddress.GetLeftPart(UriPartial.Authority)}/rooms/{roomId}");
        // The page is interactive once the stream has counted this viewer.
        await page.WaitForFunctionAsync("() => document.querySelector('.watcher_count').textContent === '1'");

        var box = (await page.Locator("svg#canvas").BoundingBoxAsync())!;
        var cdp = await context.NewCDPSessionAsync(page);
        async Task TouchAsync(string type, float fx, float fy) =>
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[]
                {
                    new Dictionary<string, object> { ["x"] = box.X + box.Width * fx, ["y"] = box.Y + box.Height * fy },
                },
            });
        await TouchAsync("touchStart", 0.2f, 0.2f);
        for (var step = 1; step <= 10; step++)
            await TouchAsync("touchMove", 0.2f + 0.06f * step, 0.2f + 0.05f * step);
        await TouchAsync("touchEnd", 0, 0);

        await page.WaitForFunctionAsync("() => document.querySelectorAll('svg#canvas polyline[id]').length === 2");
        var strokes = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room").GetProperty("strokes")
            .EnumerateArray().ToList();
        Assert.Equal(2, strokes.Count);
        Assert.Equal(first.GetProperty("id").GetInt64(), strokes[0].GetProperty("id").GetInt64());
        var drawn = strokes[1];
        Assert.True(drawn.GetProperty("points").GetArrayLength() >= 8, $"expected the touch path, got {drawn}");
        Assert.Equal(drawn.GetProperty("id").GetInt64().ToString(), await page.Locator("svg#canvas polyline[id]").Nth(1).GetAttributeAsync("id"));
        Assert.Empty(scriptErrors);
    }
}
