using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class CgroupCpuReaderTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("isubench-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    private string Cgroup(string relative, string? cpuStat, string? cpus = null)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_mount, relative)).FullName;
        if (cpuStat is not null) File.WriteAllText(Path.Combine(directory, "cpu.stat"), cpuStat);
        if (cpus is not null) File.WriteAllText(Path.Combine(directory, "cpuset.cpus.effective"), cpus + "\n");
        return directory;
    }

    private static string CpuStat(long usage) =>
        $"usage_usec {usage}\nuser_usec {usage * 3 / 4}\nsystem_usec {usage / 4}\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n";

    [Fact]
    public async Task It_reads_usage_usec_of_the_directory_given()
    {
        var directory = Cgroup("system.slice/isuketch.service", CpuStat(1_234_567), cpus: "2-3");
        var reader = CgroupCpuReader.Open(directory, _mount);

        Assert.Equal(TimeSpan.FromMicroseconds(1_234_567), await reader.ReadAsync(CancellationToken.None));
        File.WriteAllText(Path.Combine(directory, "cpu.stat"), CpuStat(2_000_000));
        Assert.Equal(TimeSpan.FromSeconds(2), await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("cgroup system.slice/isuketch.service", reader.Name);
        Assert.Equal("2-3", reader.Cpus);
        Assert.Equal("cgroup", reader.Kind);
    }

    [Fact]
    public async Task A_path_as_proc_pid_cgroup_names_it_is_found_under_the_mount()
    {
        Cgroup("system.slice/db.service", CpuStat(5_000_000));
        var reader = CgroupCpuReader.Open("/system.slice/db.service", _mount);
        Assert.Equal(TimeSpan.FromSeconds(5), await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("cgroup system.slice/db.service", reader.Name);
    }

    [Fact]
    public void A_directory_without_cpu_stat_is_refused_with_what_to_give()
    {
        var directory = Cgroup("no-controller", cpuStat: null);
        var e = Assert.Throws<CpuSourceException>(() => CgroupCpuReader.Open(directory, _mount));
        Assert.Contains("no cpu.stat", e.Message);
        Assert.Contains(directory, e.Message);
        Assert.False(e.Unreachable);
        Assert.Throws<CpuSourceException>(() => CgroupCpuReader.Open("/no/such/cgroup", _mount));
    }

    [Fact]
    public void A_cpu_stat_without_usage_usec_is_refused()
    {
        var directory = Cgroup("v1-like", "nr_periods 0\nnr_throttled 0\n");
        Assert.Contains("usage_usec", Assert.Throws<CpuSourceException>(() => CgroupCpuReader.Open(directory, _mount)).Message);
    }

    [Fact]
    public async Task A_cgroup_removed_mid_run_cannot_be_read_any_more()
    {
        var directory = Cgroup("gone", CpuStat(1));
        var reader = CgroupCpuReader.Open(directory, _mount);
        Directory.Delete(directory, recursive: true);
        await Assert.ThrowsAsync<CpuSourceException>(() => reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public void Usage_is_read_from_its_own_line_only()
    {
        Assert.Equal(42, CgroupCpuReader.ParseUsageMicroseconds("user_usec 40\nusage_usec 42\nsystem_usec 2\n"));
        Assert.Throws<FormatException>(() => CgroupCpuReader.ParseUsageMicroseconds("usage_usec_total 42\n"));
    }
}
