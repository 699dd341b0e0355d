using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Reference.Hosting;

/// <summary><c>isuketch --workers N</c>: N requests at once, each to its end, the rest in arrival order, one request per connection.</summary>
public sealed class WorkerPoolTests
{
    [Fact]
    public void Without_the_option_there_is_no_pool()
    {
        Assert.Null(WorkerPool.Parse(null));
        Assert.Equal(32, WorkerPool.Parse("32")!.Workers);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("10001")]
    public void A_bad_count_is_a_startup_error_that_says_what_to_give(string text)
    {
        var error = Assert.Throws<StartupException>(() => WorkerPool.Parse(text));
        Assert.Contains($"--workers '{text}'", error.Message);
        Assert.Contains("from 1 to 10000", error.Message);
    }

    [Fact]
    public async Task A_request_waits_until_a_worker_is_free_and_the_waiting_ones_are_served_in_arrival_order()
    {
        var pool = WorkerPool.Parse("1")!;
        var order = new List<string>();
        var firstHolds = new TaskCompletionSource();

        var first = pool.ServeAsync(Context(), async _ => { order.Add("first"); await firstHolds.Task; });
        var second = pool.ServeAsync(Context(), _ => { order.Add("second"); return Task.CompletedTask; });
        var third = pool.ServeAsync(Context(), _ => { order.Add("third"); return Task.CompletedTask; });

        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        Assert.Equal(["first"], order);
        firstHolds.SetResult();
        await Task.WhenAll(first, second, third);
        Assert.Equal(["first", "second", "third"], order);
    }

    [Fact]
    public async Task A_request_whose_client_gave_up_while_it_waited_still_runs_to_its_end()
    {
        var pool = WorkerPool.Parse("1")!;
        var firstHolds = new TaskCompletionSource();
        using var clientLeft = new CancellationTokenSource();
        var waiting = Context(clientLeft.Token);
        bool ran = false;
        CancellationToken seen = default;

        var first = pool.ServeAsync(Context(), _ => firstHolds.Task);
        var second = pool.ServeAsync(waiting, context => { ran = true; seen = context.RequestAborted; return Task.CompletedTask; });
        await clientLeft.CancelAsync();
        Assert.False(second.IsCompleted);
        firstHolds.SetResult();
        await Task.WhenAll(first, second);

        Assert.True(ran);
        Assert.False(seen.CanBeCanceled);
    }

    [Fact]
    public async Task Each_response_closes_its_connection_and_a_failed_request_frees_its_worker()
    {
        var pool = WorkerPool.Parse("1")!;
        var context = Context();

        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.ServeAsync(context, _ => throw new InvalidOperationException("boom")));
        var next = Context();
        await pool.ServeAsync(next, _ => Task.CompletedTask);

        Assert.Equal("close", context.Response.Headers.Connection.ToString());
        Assert.Equal("close", next.Response.Headers.Connection.ToString());
    }

    private static DefaultHttpContext Context(CancellationToken aborted = default) => new() { RequestAborted = aborted };
}
