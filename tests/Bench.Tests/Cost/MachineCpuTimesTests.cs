using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class MachineCpuTimesTests
{
    // user nice system idle iowait irq softirq steal guest guest_nice
    private const string Before = """
        cpu  300 0 100 1500 100 0 0 0 0 0
        cpu0 200 0 50 700 50 0 0 0 0 0
        cpu1 100 0 50 800 50 0 0 0 0 0
        intr 12345 0 0
        ctxt 999
        """;

    private const string After = """
        cpu  450 0 150 1600 100 0 0 100 0 0
        cpu0 280 0 70 740 50 5 5 0 0 0
        cpu1 170 0 80 860 50 0 0 100 7 0
        intr 12345 0 0
        """;

    [Fact]
    public void Each_cpu_is_busy_for_its_share_of_the_ticks_between_two_readings()
    {
        var load = MachineCpuTimes.Parse(After).Since(MachineCpuTimes.Parse(Before));
        Assert.Equal([0, 1], load.Cpus.Select(c => c.Cpu));
        // cpu0: busy 80 + 20 + 5 + 5 = 110 of 150; cpu1: busy 70 + 30 = 100, stolen 100, of 260.
        Assert.Equal(Math.Round(110 / 150.0, 4), load.Cpus[0].Busy);
        Assert.Equal(0, load.Cpus[0].Steal);
        Assert.Equal(Math.Round(100 / 260.0, 4), load.Cpus[1].Busy);
        Assert.Equal(Math.Round(100 / 260.0, 4), load.Cpus[1].Steal);
        Assert.Equal(Math.Round(210 / 410.0, 4), load.Busy);
        Assert.Equal(Math.Round(100 / 410.0, 4), load.Steal);
    }

    [Fact]
    public void The_real_proc_stat_has_every_cpu_of_the_machine()
    {
        var times = MachineCpuTimes.Read();
        Assert.NotNull(times);
        Assert.True(times.Cpus.Count >= Environment.ProcessorCount);
    }

    [Fact]
    public void A_cpu_line_too_short_is_refused() => Assert.Throws<FormatException>(() => MachineCpuTimes.Parse("cpu0 1 2 3\n"));
}
