using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class CrowdedMachineTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    // Two CPUs, busy 60 % of their time over 10 s: 1.2 CPUs' worth, 12 s of CPU time.
    private static MachineLoad TwoCpus(double busy, double steal = 0) => new([new CpuLoad(0, busy, steal), new CpuLoad(1, busy, steal)], busy, steal);

    [Fact]
    public void What_the_bench_and_the_server_did_not_spend_is_the_other_processes_share()
    {
        var load = CrowdedMachine.Judge(TwoCpus(0.6), TimeSpan.FromSeconds(10), Window);
        Assert.Equal(0.2, load.OtherCpus);
        Assert.Null(load.Crowded);
    }

    [Fact]
    public void A_neighbour_keeping_most_of_a_cpu_busy_crowds_the_machine_and_says_how_much()
    {
        var load = CrowdedMachine.Judge(TwoCpus(0.9), TimeSpan.FromSeconds(9), Window);
        Assert.Equal(0.9, load.OtherCpus);
        Assert.Equal("other processes kept 0.9 CPUs busy (more than 0.25)", load.Crowded);
    }

    [Fact]
    public void Just_over_the_bound_is_crowded_and_at_it_is_not()
    {
        Assert.Null(CrowdedMachine.Judge(TwoCpus(0.5), TimeSpan.FromSeconds(7.5), Window).Crowded);
        Assert.NotNull(CrowdedMachine.Judge(TwoCpus(0.5), TimeSpan.FromSeconds(7.4), Window).Crowded);
    }

    [Fact]
    public void A_hypervisor_taking_time_crowds_the_machine_even_with_no_other_process()
    {
        var load = CrowdedMachine.Judge(TwoCpus(0.5, steal: 0.08), TimeSpan.FromSeconds(10), Window);
        Assert.Equal(0, load.OtherCpus);
        Assert.Equal("the hypervisor took 8 % of the CPUs' time (more than 5 %)", load.Crowded);
    }

    [Fact]
    public void Without_what_the_sources_spent_the_other_share_is_unknown_and_not_called_crowded()
    {
        var load = CrowdedMachine.Judge(TwoCpus(1.0), measuredCpu: null, Window);
        Assert.Null(load.OtherCpus);
        Assert.Null(load.Crowded);
    }
}
