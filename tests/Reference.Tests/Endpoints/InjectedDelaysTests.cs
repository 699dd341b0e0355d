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
        var delays = InjectedDelays.Parse("GET /api/rooms=60000, post /api/rooms=0");
        Assert.True(delays.Any);
        using var cancel = new CancellationTokenSource();

        var named = delays.WaitAsync(Request("GET", "/api/rooms"), cancel.Token);
        Assert.False(named.IsCompleted);
        Assert.True(delays.WaitAsync(Request("GET", "/api/rooms/1"), cancel.Token).IsCompleted);
        Assert.True(delays.WaitAsync(Request("POST", "/api/strokes/rooms/1"), cancel.Token).IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => named);
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
