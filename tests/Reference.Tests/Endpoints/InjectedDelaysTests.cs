using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Reference.Endpoints;

/// <summary><c>--inject-delay</c>: a deliberate slowdown of the requests named, and a clear error for anything else.</summary>
public sealed class InjectedDelaysTests
{
    [Fact]
    public void Without_the_option_nothing_is_delayed()
    {
        Assert.False(InjectedDelays.Parse(null).Any);
        Assert.False(InjectedDelays.Parse("  ").Any);
    }

    [Fact]
    public async Task Only_the_named_method_and_path_wait()
    {
        var delays = InjectedDelays.Parse("GET /api/rooms=60000, post /api/rooms=0, POST /api/strokes/rooms/*=50000");
        Assert.True(delays.Any);
        using var cancel = new CancellationTokenSource();

        var named = delays.WaitAsync(Request("GET", "/api/rooms"), cancel.Token);
        var byPrefix = delays.WaitAsync(Request("POST", "/api/strokes/rooms/17"), cancel.Token);
        Assert.False(named.IsCompleted);
        Assert.False(byPrefix.IsCompleted);
        Assert.True(delays.WaitAsync(Request("GET", "/api/rooms/1"), cancel.Token).IsCompleted);
        Assert.True(delays.WaitAsync(Request("GET", "/api/strokes/rooms/1"), cancel.Token).IsCompleted);
        Assert.True(delays.WaitAsync(Request("POST", "/api/rooms"), cancel.Token).IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => named);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => byPrefix);
    }

    [Fact]
    public void A_delay_below_a_timer_tick_is_spent_computing_before_the_request_goes_on()
    {
        var delays = InjectedDelays.Parse("GET /api/rooms/*=1.5");
        long started = System.Diagnostics.Stopwatch.GetTimestamp();

        var wait = delays.WaitAsync(Request("GET", "/api/rooms/3"), CancellationToken.None);

        // Done when it returns: the time was spent on this thread, as slower code would spend it.
        Assert.True(wait.IsCompleted);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(1.5));
    }

    [Theory]
    [InlineData("GET /api/rooms")]
    [InlineData("/api/rooms=20")]
    [InlineData("GET api/rooms=20")]
    [InlineData("GET /api/rooms=-5")]
    [InlineData("GET /api/rooms=ten")]
    [InlineData("GET /api/rooms=60001")]
    public void A_malformed_delay_is_a_startup_error_that_shows_the_form(string text)
    {
        var error = Assert.Throws<StartupException>(() => InjectedDelays.Parse(text));
        Assert.Contains("METHOD PATH=MILLISECONDS", error.Message);
    }

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }
}
