using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// The CPU time of a cgroup v2 from its <c>cpu.stat</c> (<c>--target-cgroup</c>): <c>usage_usec</c>, every process in
/// it together, those that came and went too (a server and its database in one container, say).
/// </summary>
internal sealed class CgroupCpuReader : ICpuSource
{
    /// <summary>Where cgroup v2 is mounted.</summary>
    public const string DefaultMount = "/sys/fs/cgroup";

    private readonly string _statPath;

    private CgroupCpuReader(string name, string directory, string? cpus)
    {
        Name = name;
        Detail = directory;
        Cpus = cpus;
        _statPath = Path.Combine(directory, "cpu.stat");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Kind => "cgroup";

    /// <inheritdoc />
    public string Detail { get; }

    /// <inheritdoc />
    public string? Cpus { get; }

    /// <summary>
    /// The cgroup at <paramref name="path"/>: its directory (<c>/sys/fs/cgroup/system.slice/x.service</c>) or its path
    /// under the mount (<c>/system.slice/x.service</c>, as <c>/proc/PID/cgroup</c> names it). <paramref name="mount"/> is for tests.
    /// </summary>
    /// <exception cref="CpuSourceException">Neither holds a <c>cpu.stat</c> with <c>usage_usec</c>.</exception>
    public static CgroupCpuReader Open(string path, string mount = DefaultMount)
    {
        var candidates = new[] { path, Path.Join(mount, path.TrimStart('/')) };
        var directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "cpu.stat")))
            ?? throw new CpuSourceException(
                $"--target-cgroup {path}: no cpu.stat there nor under {mount}; give a cgroup v2 directory (e.g. {mount}/system.slice/NAME.service) or the path /proc/PID/cgroup names");
        directory = Path.GetFullPath(directory);
        string relative = Path.GetRelativePath(Path.GetFullPath(mount), directory);
        string name = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? directory : relative;
        var reader = new CgroupCpuReader($"cgroup {name}", directory, ReadCpus(directory));
        reader.Read();
        return reader;
    }

    /// <summary><c>usage_usec</c> of a <c>cpu.stat</c>.</summary>
    /// <exception cref="FormatException">The text has no such line.</exception>
    public static long ParseUsageMicroseconds(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[0] == "usage_usec"
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long usage))
                return usage;
        }
        throw new FormatException("no usage_usec line");
    }

    /// <inheritdoc />
    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

    private TimeSpan Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(_statPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CpuSourceException($"{_statPath} cannot be read (the cgroup is gone?)");
        }
        try
        {
            return TimeSpan.FromMicroseconds(ParseUsageMicroseconds(text));
        }
        catch (FormatException)
        {
            throw new CpuSourceException($"{_statPath} has no usage_usec line (is this cgroup v2?)");
        }
    }

    private static string? ReadCpus(string directory)
    {
        try
        {
            string cpus = File.ReadAllText(Path.Combine(directory, "cpuset.cpus.effective")).Trim();
            return cpus.Length > 0 ? cpus : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
