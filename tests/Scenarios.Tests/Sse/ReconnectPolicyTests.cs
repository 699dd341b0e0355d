using IsuBench.Engine.Sse;

namespace IsuBench.Tests.Scenarios.Sse;

public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Uses_the_default_until_the_server_says_otherwise()
    {
        var policy = new ReconnectPolicy(new SseClientOptions());
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay);

        policy.Observe(Timeout.InfiniteTimeSpan); // what the parser reports before any retry field
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay);

        policy.Observe(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.Delay);
    }

    [Fact]
    public void Compat_mode_ignores_the_server()
    {
        var policy = new ReconnectPolicy(new SseClientOptions { CompatRetry = true });
        policy.Observe(TimeSpan.FromMilliseconds(500));

        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay);
    }

    [Fact]
    public void A_zero_retry_is_raised_to_the_minimum_so_the_client_cannot_spin()
    {
        var policy = new ReconnectPolicy(new SseClientOptions());
        policy.Observe(TimeSpan.Zero);

        Assert.Equal(ReconnectPolicy.MinimumDelay, policy.Delay);
    }
}
