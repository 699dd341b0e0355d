using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// The server's CPU sources a run measures, as the command line names them (<c>--target-pid</c>, <c>--target-cgroup</c>,
/// <c>--target-metrics</c>), opened afresh for each run: a pid file is read again, since a reset between runs may
/// restart the server.
/// </summary>
public sealed class CostSources : IDisposable
{
    private readonly IReadOnlyList<PidSpec> _pids;
    private readonly IReadOnlyList<string> _cgroups;
    private readonly IReadOnlyList<Uri> _metrics;
    private readonly HttpClient _client;

    private CostSources(IReadOnlyList<PidSpec> pids, IReadOnlyList<string> cgroups, IReadOnlyList<Uri> metrics)
    {
        _pids = pids;
        _cgroups = cgroups;
        _metrics = metrics;
        // Loopback or a server of the CI job: never through a proxy.
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>None given: only the bench's own CPU is reported.</summary>
    public bool IsEmpty => _pids.Count + _cgroups.Count + _metrics.Count == 0;

    /// <summary>
    /// The sources of the three options' values (each null when not given): <paramref name="pids"/> a comma-separated
    /// list of <c>[NAME=]PID</c> or <c>[NAME=]PIDFILE</c> (a path: the pid is read from it before each run),
    /// <paramref name="cgroups"/> of cgroup paths, <paramref name="metrics"/> of http(s) URLs.
    /// </summary>
    /// <exception cref="FormatException">A value is malformed; the message names the option and what to give.</exception>
    public static CostSources Parse(string? pids, string? cgroups, string? metrics) =>
        new(Split(pids).Select(ParsePid).ToList(), Split(cgroups).ToList(), Split(metrics).Select(ParseUrl).ToList());

    /// <summary>
    /// Opens the sources for one run, in the order given: pids, cgroups, endpoints. <paramref name="strict"/>: the first
    /// that cannot be opened throws (the first run checks so); otherwise it stays in the list as missing, with the reason.
    /// </summary>
    /// <exception cref="CpuSourceException">Strict, and a source cannot be opened.</exception>
    internal async Task<IReadOnlyList<ICpuSource>> OpenAsync(bool strict, CancellationToken cancellationToken)
    {
        var sources = new List<ICpuSource>();
        foreach (var pid in _pids)
            sources.Add(Open(strict, () => pid.Open(), pid.FallbackName, "pid", pid.Text));
        foreach (var cgroup in _cgroups)
            sources.Add(Open(strict, () => CgroupCpuReader.Open(cgroup), $"cgroup {cgroup.Trim('/')}", "cgroup", cgroup));
        foreach (var url in _metrics)
        {
            try
            {
                sources.Add(await MetricsEndpointReader.OpenAsync(url, _client, cancellationToken));
            }
            catch (CpuSourceException e) when (!strict)
            {
                sources.Add(new MissingCpuSource($"metrics {url.Authority}{url.AbsolutePath}", "metrics", url.ToString(), e.Message));
            }
        }
        return sources;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static ICpuSource Open(bool strict, Func<ICpuSource> open, string name, string kind, string detail)
    {
        try
        {
            return open();
        }
        catch (CpuSourceException e) when (!strict)
        {
            return new MissingCpuSource(name, kind, detail, e.Message);
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // NAME=TARGET or TARGET; a TARGET of digits is a pid, anything else the path of a pid file. (Not @FILE: the command
    // line reads a token that starts with @ as a response file.)
    private static PidSpec ParsePid(string entry)
    {
        int equals = entry.IndexOf('=');
        string? name = equals >= 0 ? entry[..equals].Trim() : null;
        string target = entry[(equals + 1)..].Trim();
        if (name is "" || target.Length == 0)
            throw new FormatException($"--target-pid: '{entry}' names no process; give PID, NAME=PID or the path of a pid file, separated by commas");
        if (target.All(char.IsAsciiDigit))
            return int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
                ? new PidSpec(entry, name, pid, null)
                : throw new FormatException($"--target-pid: '{entry}' is not a process id");
        return new PidSpec(entry, name, null, target);
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"--target-metrics: '{text}' is not an http or https URL; give the server's metrics endpoint, e.g. http://127.0.0.1:8080/metrics");

    /// <summary>One <c>--target-pid</c> entry: a pid, or a file to read it from at each run, and the name its figures get.</summary>
    private sealed record PidSpec(string Text, string? Name, int? Pid, string? PidFile)
    {
        public string FallbackName => $"process {Name ?? Text}";

        public ProcStatReader Open()
        {
            int pid = Pid ?? ReadPidFile(PidFile!);
            return ProcStatReader.Open(pid, Name is null ? null : $"process {Name}");
        }

        private static int ReadPidFile(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CpuSourceException($"--target-pid {path}: no pid there, nor a pid file that can be read ({e.Message})");
            }
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
                ? pid
                : throw new CpuSourceException($"--target-pid {path}: the pid file holds '{text}', not a process id");
        }
    }
}
