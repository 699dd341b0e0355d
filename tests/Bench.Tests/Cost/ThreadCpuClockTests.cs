using System.Globalization;
using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>A process's CPU time refined by its threads' run times, in a folder laid out as /proc/PID/task.</summary>
public sealed class ThreadCpuClockTests : IDisposable
{
    private readonly string _tasks = Directory.CreateTempSubdirectory("isubench-task-").FullName;
    private readonly ThreadCpuClock _clock;

    public ThreadCpuClockTests() => _clock = new ThreadCpuClock(_tasks, ticksPerSecond: 100);

    public void Dispose() => Directory.Delete(_tasks, recursive: true);

    // A thread's schedstat as the kernel writes it: run time and wait time in nanoseconds, time slices.
    private void Thread(int id, double ranMs)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_tasks, id.ToString(CultureInfo.InvariantCulture))).FullName;
        File.WriteAllText(Path.Combine(directory, "schedstat"), $"{(long)(ranMs * 1_000_000)} 123456 78\n");
    }

    private void Gone(int id) => Directory.Delete(Path.Combine(_tasks, id.ToString(CultureInfo.InvariantCulture)), recursive: true);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Between_two_reads_it_counts_what_the_threads_ran_not_the_whole_ticks_of_the_process()
    {
        Thread(10, ranMs: 1000.4);
        Thread(11, ranMs: 500.3);
        var first = _clock.Read(process: Ms(1500)); // the process's total, in whole ticks
        Thread(10, ranMs: 1003.1);
        Thread(11, ranMs: 507.9);
        Thread(12, ranMs: 0.25); // born since
        var second = _clock.Read(process: Ms(1510));

        Assert.Equal(Ms(1500), first);
        Assert.Equal(2.7 + 7.6 + 0.25, (second - first).TotalMilliseconds, 6);
    }

    [Fact]
    public void A_thread_gone_since_the_read_before_leaves_that_stretch_to_the_process_total()
    {
        Thread(10, ranMs: 100);
        Thread(11, ranMs: 100);
        var first = _clock.Read(process: Ms(200));
        Thread(10, ranMs: 103);
        Gone(11); // it ran 25 ms more before it exited: only the process's total has them
        var second = _clock.Read(process: Ms(230));
        Thread(10, ranMs: 104.5);
        var third = _clock.Read(process: Ms(230));

        Assert.Equal(Ms(30), second - first);
        Assert.Equal(1.5, (third - second).TotalMilliseconds, 6);
    }

    [Fact]
    public void A_process_total_that_grew_by_more_than_two_ticks_beyond_its_threads_wins()
    {
        Thread(10, ranMs: 100);
        var first = _clock.Read(process: Ms(100));
        Thread(10, ranMs: 101);
        var within = _clock.Read(process: Ms(120)); // two ticks: quantization, the threads' 1 ms stands
        Thread(10, ranMs: 102);
        var beyond = _clock.Read(process: Ms(160)); // a thread born and gone in between ran some 39 ms
        Assert.Equal(Ms(1), within - first);
        Assert.Equal(Ms(40), beyond - within);
    }

    [Fact]
    public void Without_readable_threads_it_is_the_process_total()
    {
        var clock = new ThreadCpuClock(Path.Combine(_tasks, "missing"), ticksPerSecond: 100);
        Assert.Equal(Ms(70), clock.Read(Ms(70)));
        Assert.Equal(Ms(90), clock.Read(Ms(90)));
        // A kernel without schedstat: the thread folders are there, their schedstat is not.
        Directory.CreateDirectory(Path.Combine(_tasks, "10"));
        Assert.Equal(Ms(80), _clock.Read(Ms(80)));
    }

    [Fact]
    public void In_this_process_a_millisecond_of_spinning_shows_where_the_process_total_moved_by_no_tick()
    {
        // The real /proc: the process's total is held still, so all that shows comes from the threads (the test host's other
        // threads may add their own meanwhile).
        var clock = new ThreadCpuClock(Path.Combine("/proc", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "task"), 100);
        var first = clock.Read(TimeSpan.Zero);
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.Elapsed < Ms(1))
        {
        }
        var second = clock.Read(TimeSpan.Zero);
        Assert.InRange((second - first).TotalMilliseconds, 0.5, 50);
    }
}
