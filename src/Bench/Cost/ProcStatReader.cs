using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// The CPU time of one process from <c>/proc/PID/stat</c> (<c>--target-pid</c>): user plus system time, its children's
/// left out, in clock ticks (<see cref="ClockTicks"/>), refined between two reads by its threads' run times
/// (<see cref="ThreadCpuClock"/>). A process that has exited, or whose pid now names another
/// process (its start time differs), cannot be read.
/// </summary>
internal sealed class ProcStatReader : ICpuSource
{
    /// <summary>Where the kernel shows its processes.</summary>
    public const string DefaultRoot = "/proc";

    private readonly string _statPath;
    private readonly long _ticksPerSecond;
    private readonly long _startTicks;
    private readonly ThreadCpuClock _threads;

    private ProcStatReader(int pid, string name, string directory, long ticksPerSecond, long startTicks, string? cpus)
    {
        Pid = pid;
        Name = name;
        Cpus = cpus;
        _statPath = Path.Combine(directory, "stat");
        _ticksPerSecond = ticksPerSecond;
        _startTicks = startTicks;
        _threads = new ThreadCpuClock(Path.Combine(directory, "task"), ticksPerSecond);
    }

    /// <summary>The process read.</summary>
    public int Pid { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Kind => "pid";

    /// <inheritdoc />
    public string Detail => $"pid {Pid.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public string? Cpus { get; }

    /// <summary>
    /// The process <paramref name="pid"/>, named <paramref name="name"/> or else after its program (<c>process isuketch</c>;
    /// for <c>dotnet app.dll</c>, after the dll). <paramref name="root"/> and <paramref name="ticksPerSecond"/> are for tests.
    /// </summary>
    /// <exception cref="CpuSourceException">There is no such process, or it has exited.</exception>
    public static ProcStatReader Open(int pid, string? name = null, string root = DefaultRoot, long? ticksPerSecond = null)
    {
        string directory = Path.Combine(root, pid.ToString(CultureInfo.InvariantCulture));
        string statPath = Path.Combine(directory, "stat");
        var stat = Read(statPath, pid);
        if (stat.State is 'Z' or 'X') throw new CpuSourceException($"process {pid} has exited");
        return new ProcStatReader(pid, name ?? $"process {ProgramName(directory, stat.Command)}", directory,
            ticksPerSecond ?? ClockTicks.PerSecond, stat.StartTicks, CpuAffinity.AllowedList(directory));
    }

    /// <inheritdoc />
    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken)
    {
        var stat = Read(_statPath, Pid);
        if (stat.StartTicks != _startTicks) throw new CpuSourceException($"process {Pid} has exited (its pid now names another process)");
        if (stat.State is 'Z' or 'X') throw new CpuSourceException($"process {Pid} has exited");
        // Whole ticks to microseconds without rounding: 100 a second is 10,000 µs each; refined by the threads' run times.
        return Task.FromResult(_threads.Read(TimeSpan.FromMicroseconds(stat.CpuTicks * 1_000_000.0 / _ticksPerSecond)));
    }

    private static ProcessStat Read(string statPath, int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText(statPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone (ENOENT, or ESRCH while it exits) or never there.
            throw new CpuSourceException($"no process with pid {pid} ({statPath} cannot be read)");
        }
        try
        {
            return ProcessStat.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CpuSourceException($"{statPath} is not a process's stat: {e.Message}");
        }
    }

    // The kernel's name of the program, or for the dotnet host the app it runs (dotnet isuketch.dll: isuketch), which
    // stays the same from run to run where the pid does not.
    private static string ProgramName(string directory, string command)
    {
        if (command != "dotnet") return command;
        try
        {
            var args = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var app = args.Skip(1).FirstOrDefault(a => !a.StartsWith('-'));
            return app is not null && app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(app) : command;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return command;
        }
    }
}
