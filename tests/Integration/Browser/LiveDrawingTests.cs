using System.Text.RegularExpressions;
using IsuBench.Integration.Reference;
using Microsoft.Playwright;

namespace IsuBench.Integration.Browser;

/// <summary>The real browser client against the real server: create a room, draw with the mouse, watch it arrive elsewhere.</summary>
public abstract class LiveDrawingTests(ReferenceServer server)
{
    // A guard against hangs, not a speed check; a timeout reports where each page is and the requests it still had open.
    private const float WaitMilliseconds = 20_000;

    private readonly string _origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_stroke_drawn_with_the_mouse_reaches_a_second_viewer_live()
    {
        var pending = new List<PendingRequests>();
        try
        {
            await DrawAndWatchAsync(pending);
        }
        catch (TimeoutException timeout)
        {
            // Say what the pages were still waiting for: a wait that trips is a hang to explain, not a slow machine.
            throw new TimeoutException($"{timeout.Message}\nunfinished requests:\n{string.Join('\n', pending.Select(p => p.Describe()))}", timeout);
        }
    }

    private async Task DrawAndWatchAsync(List<PendingRequests> pending)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        // Two contexts: two independent users, each with its own storage and tokens.
        await using var drawerContext = await browser.NewContextAsync();
        await using var viewerContext = await browser.NewContextAsync();
        var drawer = await drawerContext.NewPageAsync();
        var viewer = await viewerContext.NewPageAsync();
        pending.Add(new PendingRequests("drawer", drawer));
        pending.Add(new PendingRequests("viewer", viewer));
        var scriptErrors = new List<string>();
        foreach (var page in new[] { drawer, viewer })
        {
            page.SetDefaultTimeout(WaitMilliseconds);
            page.PageError += (_, message) => scriptErrors.Add(message);
        }

        // The top page's form creates a room and opens it.
        await drawer.GotoAsync(_origin + "/");
        Assert.Matches("^[0-9a-f]{64}$", await drawer.GetAttributeAsync("html", "data-csrf-token"));
        await drawer.FillAsync("#create-room-form input[name=name]", "ブラウザの部屋 <b>");
        // The wait starts before the click: started after it, it can miss a navigation that commits in between and then
        // waits for one that never comes (seen under the full suite: the page at /rooms/1, fully loaded, and a timeout).
        var created = drawer.WaitForURLAsync(new Regex(@"/rooms/\d+$"));
        await drawer.ClickAsync("#create-room-form button[type=submit]");
        await created;
        var roomPath = new Uri(drawer.Url).AbsolutePath;
        Assert.Equal("ブラウザの部屋 <b>", await drawer.TextContentAsync("h1"));

        // A second user opens the same room; both streams are live once each page counts two watchers.
        await viewer.GotoAsync(_origin + roomPath);
        foreach (var page in new[] { drawer, viewer })
            await page.WaitForFunctionAsync("() => document.querySelector('.watcher_count').textContent === '2'");

        // Pick a colour swatch and a width, then draw: press, drag across the canvas, release.
        await drawer.ClickAsync(".rc-color-picker-swatch[aria-label=red]");
        await drawer.Locator("#stroke-width").EvaluateAsync("(input) => { input.value = '25'; input.dispatchEvent(new Event('input')); }");
        Assert.Equal("25", await drawer.TextContentAsync("#stroke-width-value"));
        var canvas = await drawer.QuerySelectorAsync("svg#canvas");
        var box = (await canvas!.BoundingBoxAsync())!;
        await drawer.Mouse.MoveAsync(box.X + box.Width * 0.2f, box.Y + box.Height * 0.3f);
        await drawer.Mouse.DownAsync();
        await drawer.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height * 0.6f, new MouseMoveOptions { Steps = 8 });
        await drawer.Mouse.MoveAsync(box.X + box.Width * 0.7f, box.Y + box.Height * 0.4f, new MouseMoveOptions { Steps = 8 });
        await drawer.Mouse.UpAsync();

        // The drawer's copy gets the stored stroke's id once the POST succeeded ...
        var drawn = await drawer.WaitForSelectorAsync("svg#canvas polyline[id]");
        var strokeId = await drawn!.GetAttributeAsync("id");
        Assert.Equal("", await drawer.TextContentAsync(".draw-status"));
        // ... and the viewer receives that stroke over the stream, without reloading.
        var received = await viewer.WaitForSelectorAsync($"svg#canvas polyline[id='{strokeId}']");
        var points = (await received!.GetAttributeAsync("points"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(points.Length >= 10, $"expected the dragged path, got {points.Length} points");
        Assert.Equal(await drawn.GetAttributeAsync("points"), await received.GetAttributeAsync("points"));
        Assert.Equal("rgba(226,74,51,0.8)", await received.GetAttributeAsync("stroke"));
        Assert.Equal("25", await received.GetAttributeAsync("stroke-width"));

        // Each stroke appears once, though the drawer's stream echoes its own stroke.
        var strokesInRoom = 1;
        if (server.StreamsEndByThemselves)
        {
            // The baseline server ends each response after ~3 s: once two more stream requests began, a whole
            // response started after the stroke was stored has been handled.
            await Task.WhenAll(NextStreamRequestsAsync(drawer, 2), NextStreamRequestsAsync(viewer, 2));
        }
        else
        {
            // A tuned stream stays open and delivers in order: once a later stroke arrived on both pages,
            // the echo of the first has been handled too.
            var marker = (await server.Api.PostStrokeAsync(await server.Api.CreateTokenAsync(), long.Parse(roomPath["/rooms/".Length..]))).GetProperty("id").GetInt64();
            strokesInRoom = 2;
            await Task.WhenAll(drawer.WaitForSelectorAsync($"svg#canvas polyline[id='{marker}']"), viewer.WaitForSelectorAsync($"svg#canvas polyline[id='{marker}']"));
        }
        Assert.Equal(strokesInRoom, await viewer.Locator("svg#canvas polyline").CountAsync());
        Assert.Equal(strokesInRoom, await drawer.Locator("svg#canvas polyline").CountAsync());

        // The room now has a stroke, so the top page lists it with its thumbnail; following it opens the room.
        await viewer.GotoAsync(_origin + "/");
        var roomId = roomPath["/rooms/".Length..];
        var listed = viewer.Locator($".room[id='{roomId}']");
        Assert.Equal(strokesInRoom.ToString(), await listed.Locator(".stroke_count").TextContentAsync());
        Assert.Equal($"/img/{roomId}", await listed.Locator("img").GetAttributeAsync("src"));
        var opened = viewer.WaitForURLAsync(_origin + roomPath);
        await listed.Locator("a").ClickAsync();
        await opened;
        // The page arrives with the stroke rendered; its first stream response replays it and must add no copy.
        if (server.StreamsEndByThemselves)
        {
            await NextStreamRequestsAsync(viewer, 1);
        }
        else
        {
            // The tuned stream opened with the page and stays open: a later stroke arriving proves the replay was handled.
            var marker = (await server.Api.PostStrokeAsync(await server.Api.CreateTokenAsync(), long.Parse(roomId))).GetProperty("id").GetInt64();
            strokesInRoom++;
            await viewer.WaitForSelectorAsync($"svg#canvas polyline[id='{marker}']");
        }
        Assert.Equal(strokesInRoom, await viewer.Locator("svg#canvas polyline").CountAsync());
        Assert.Equal(1, await viewer.Locator($"svg#canvas polyline[id='{strokeId}']").CountAsync());

        Assert.Empty(scriptErrors);
    }

    /// <summary>Waits until the page has started <paramref name="count"/> more requests to the room stream.</summary>
    private static async Task NextStreamRequestsAsync(IPage page, int count)
    {
        for (var i = 0; i < count; i++)
            await page.WaitForRequestAsync(new Regex(@"/api/stream/rooms/\d+\?csrf_token="), new PageWaitForRequestOptions { Timeout = WaitMilliseconds });
    }
}

/// <summary>LiveDrawingTests against the baseline store.</summary>
public sealed class LiveDrawingTestsOnBaseline(BaselineServer server) : LiveDrawingTests(server), IClassFixture<BaselineServer>;

/// <summary>LiveDrawingTests against the tuned store.</summary>
public sealed class LiveDrawingTestsOnTuned(TunedServer server) : LiveDrawingTests(server), IClassFixture<TunedServer>;
