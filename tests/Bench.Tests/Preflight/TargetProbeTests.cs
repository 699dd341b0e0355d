using IsuBench.Bench.Preflight;
using IsuBench.Reference.Hosting;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Preflight;

public sealed class TargetProbeTests
{
    [Fact]
    public void The_bench_reads_the_headers_the_reference_writes()
    {
        Assert.Equal(ServerIdentityHeaders.Profile, ServerIdentity.ProfileHeader);
        Assert.Equal(ServerIdentityHeaders.Version, ServerIdentity.VersionHeader);
    }

    [Fact]
    public async Task A_target_that_names_its_server_profile_and_version_is_recorded_as_it_says()
    {
        await using var server = await HeaderServer.StartAsync((ServerIdentity.ProfileHeader, "tuned"), (ServerIdentity.VersionHeader, "0.9.0+abc"));

        var probe = await TargetProbe.ProbeAsync([server.Origin], CancellationToken.None);

        Assert.Empty(probe.Unreachable);
        Assert.Equal(new ServerIdentity("tuned", "0.9.0+abc"), probe.Server);
    }

    [Fact]
    public async Task A_target_that_says_nothing_of_itself_leaves_both_unknown()
    {
        await using var server = await HeaderServer.StartAsync();

        var probe = await TargetProbe.ProbeAsync([server.Origin], CancellationToken.None);

        Assert.Empty(probe.Unreachable);
        Assert.Equal(ServerIdentity.Unknown, probe.Server);
    }

    [Fact]
    public async Task Targets_that_differ_are_all_named_in_target_order_and_one_that_says_nothing_adds_nothing()
    {
        await using var tuned = await HeaderServer.StartAsync((ServerIdentity.ProfileHeader, "tuned"), (ServerIdentity.VersionHeader, "1.0"));
        await using var silent = await HeaderServer.StartAsync();
        await using var baseline = await HeaderServer.StartAsync((ServerIdentity.ProfileHeader, "baseline"), (ServerIdentity.VersionHeader, "1.0"));

        var probe = await TargetProbe.ProbeAsync([tuned.Origin, silent.Origin, baseline.Origin], CancellationToken.None);

        Assert.Equal(new ServerIdentity("tuned, baseline", "1.0"), probe.Server);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tuned\tfast")]
    public async Task A_value_that_is_empty_or_not_plain_text_is_not_recorded(string value)
    {
        await using var server = await HeaderServer.StartAsync((ServerIdentity.ProfileHeader, value), (ServerIdentity.VersionHeader, new string('9', ServerIdentity.MaxLength + 1)));

        var probe = await TargetProbe.ProbeAsync([server.Origin], CancellationToken.None);

        Assert.Equal(ServerIdentity.Unknown, probe.Server);
    }
}
