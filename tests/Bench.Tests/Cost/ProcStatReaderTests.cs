using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class ProcStatReaderTests : IDisposable
{
    private readonly FakeProc _proc = new();

    public void Dispose() => _proc.Dispose();

    [Fact]
    public async Task It_reads_user_plus_system_time_in_clock_ticks_and_leaves_the_childrens_out()
    {
        _proc.Stat(1234, "isuketch", userTicks: 250, systemTicks: 50);
        var reader = ProcStatReader.Open(1234, root: _proc.Root, ticksPerSecond: 100);

        Assert.Equal(TimeSpan.FromSeconds(3), await reader.ReadAsync(CancellationToken.None));
        _proc.Stat(1234, "isuketch", userTicks: 251, systemTicks: 52);
        Assert.Equal(TimeSpan.FromMilliseconds(3030), await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Other_tick_rates_are_honoured()
    {
        _proc.Stat(7, "server", userTicks: 300, systemTicks: 0);
        var reader = ProcStatReader.Open(7, root: _proc.Root, ticksPerSecond: 250);
        Assert.Equal(TimeSpan.FromSeconds(1.2), await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public void A_command_name_with_spaces_and_parentheses_does_not_shift_the_fields()
    {
        var stat = ProcessStat.Parse("99 (my (odd) server) R 1 2 3 0 -1 0 0 0 0 0 17 4 0 0 20 0 1 0 555 0 0\n");
        Assert.Equal("my (odd) server", stat.Command);
        Assert.Equal('R', stat.State);
        Assert.Equal(21, stat.CpuTicks);
        Assert.Equal(555, stat.StartTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 server S 1 2")]
    [InlineData("12 (server) S 1 2 3")]
    [InlineData("12 (server) S 1 2 3 0 -1 0 0 0 0 0 x 4 0 0 20 0 1 0 555")]
    public void Text_that_is_no_stat_line_is_refused(string text) =>
        Assert.Throws<FormatException>(() => ProcessStat.Parse(text));

    [Fact]
    public void It_is_named_after_its_program_or_for_the_dotnet_host_after_the_app_it_runs()
    {
        _proc.Stat(10, "nginx", 1, 1);
        _proc.Stat(11, "dotnet", 1, 1);
        _proc.CommandLine(11, "/usr/bin/dotnet", "/srv/bin/isuketch.dll", "--profile", "tuned");
        Assert.Equal("process nginx", ProcStatReader.Open(10, root: _proc.Root).Name);
        Assert.Equal("process isuketch", ProcStatReader.Open(11, root: _proc.Root).Name);
        Assert.Equal("process web", ProcStatReader.Open(10, name: "process web", root: _proc.Root).Name);
    }

    [Fact]
    public void It_reports_the_cpus_the_process_may_run_on()
    {
        _proc.Stat(12, "server", 1, 1);
        _proc.Status(12, "1-3");
        var reader = ProcStatReader.Open(12, root: _proc.Root);
        Assert.Equal("1-3", reader.Cpus);
        Assert.Equal("pid", reader.Kind);
        Assert.Equal("pid 12", reader.Detail);
    }

    [Fact]
    public void A_pid_that_does_not_exist_is_refused_with_the_pid_in_the_message()
    {
        var e = Assert.Throws<CpuSourceException>(() => ProcStatReader.Open(4321, root: _proc.Root));
        Assert.Contains("4321", e.Message);
        Assert.False(e.Unreachable);
    }

    [Fact]
    public void A_zombie_is_refused_as_exited()
    {
        _proc.Stat(13, "server", 1, 1, state: 'Z');
        Assert.Contains("exited", Assert.Throws<CpuSourceException>(() => ProcStatReader.Open(13, root: _proc.Root)).Message);
    }

    [Fact]
    public async Task A_process_that_ends_mid_run_cannot_be_read_any_more()
    {
        _proc.Stat(14, "server", 10, 10);
        var reader = ProcStatReader.Open(14, root: _proc.Root);
        _proc.Remove(14);
        await Assert.ThrowsAsync<CpuSourceException>(() => reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_pid_that_now_names_another_process_is_not_taken_for_the_one_opened()
    {
        _proc.Stat(15, "server", 10, 10, startTicks: 100);
        var reader = ProcStatReader.Open(15, root: _proc.Root);
        _proc.Stat(15, "server", 1, 1, startTicks: 900);
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => reader.ReadAsync(CancellationToken.None));
        Assert.Contains("another process", e.Message);
    }

    [Fact]
    public async Task The_real_proc_of_this_process_reads_as_the_runtime_reads_it()
    {
        var reader = ProcStatReader.Open(Environment.ProcessId);
        var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var read = await reader.ReadAsync(CancellationToken.None);
        var after = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        // Both come from the kernel's ticks; a tick either side covers the reads between them.
        Assert.InRange(read, before - TimeSpan.FromMilliseconds(20), after + TimeSpan.FromMilliseconds(20));
        Assert.NotNull(reader.Cpus);
    }
}
