using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// A process's CPU time at the resolution of its threads' run times (nanoseconds, the first field of
/// <c>/proc/PID/task/TID/schedstat</c>), where <c>/proc/PID/stat</c> gives whole clock ticks (10 ms): a kind window of a
/// second or two holds a few tens of milliseconds of CPU, which a tick at each end would blur by a quarter. Each read
/// adds what the threads ran since the read before to a running total that starts at the process's own total.
/// </summary>
/// <remarks>
/// A thread that exits takes its run time with it, while the process's own total (<c>/proc/PID/stat</c>) keeps it: when
/// a thread read before is gone, or the process's total grew by more than two ticks beyond what the threads account for
/// (a thread born and gone between two reads), the process's total is taken for that stretch instead. Reads are
/// serialized, so that every stretch is counted once, in order.
/// </remarks>
internal sealed class ThreadCpuClock(string taskDirectory, long ticksPerSecond)
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _tick = TimeSpan.FromSeconds(1.0 / ticksPerSecond);
    private Dictionary<int, long>? _threads;
    private TimeSpan _process;
    private TimeSpan _total;

    /// <summary>
    /// The process's CPU time now, given <paramref name="process"/>, its own total read at the same moment; that total
    /// itself when its threads cannot be read (no schedstat in this kernel, or not allowed).
    /// </summary>
    public TimeSpan Read(TimeSpan process)
    {
        lock (_lock)
        {
            var threads = ReadThreads();
            if (threads is null || _threads is null)
            {
                _total = threads is null ? process : Max(process, _total);
            }
            else
            {
                long nanoseconds = 0;
                foreach (var (thread, ran) in threads)
                    nanoseconds += ran - (_threads.TryGetValue(thread, out long before) && before <= ran ? before : 0);
                var precise = TimeSpan.FromTicks(nanoseconds / 100);
                var coarse = process - _process;
                bool lost = _threads.Keys.Any(thread => !threads.ContainsKey(thread)) || coarse - precise > _tick * 2;
                _total += lost ? Max(coarse, precise) : precise;
            }
            _threads = threads;
            _process = process;
            return _total;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Each thread's run time in nanoseconds; null when the threads cannot be read. A thread that exits while it is read is left out.
    private Dictionary<int, long>? ReadThreads()
    {
        string[] directories;
        try
        {
            directories = Directory.GetDirectories(taskDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var threads = new Dictionary<int, long>(directories.Length);
        foreach (string directory in directories)
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int thread)) continue;
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(directory, "schedstat"));
            }
            catch (FileNotFoundException) when (Directory.Exists(directory))
            {
                return null; // a kernel without schedstat
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (e is UnauthorizedAccessException) return null;
                continue; // exited meanwhile
            }
            int end = text.IndexOf(' ', StringComparison.Ordinal);
            if (end <= 0 || !long.TryParse(text.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out long ran)) return null;
            threads[thread] = ran;
        }
        return threads.Count > 0 ? threads : null;
    }
}
