using System.CommandLine;
using IsuBench.Bench.Cost;

namespace IsuBench.Bench.Commands;

/// <summary>
/// The options of <c>run</c> that measure what the server spends per request (<c>--target-pid</c>,
/// <c>--target-cgroup</c>, <c>--target-metrics</c>) and place the bench on CPUs of its own (<c>--cpus</c>), with their
/// checks: a malformed value is a usage error (exit 2) before anything runs, and so, before the first run, is a source
/// that names nothing usable; a metrics endpoint that does not answer then stops the command as an unreachable target
/// does (exit 4).
/// </summary>
internal sealed class CostOptionSet
{
    /// <summary>--target-pid PID[,PID...]</summary>
    public Option<string> TargetPid { get; } = new("--target-pid")
    {
        Description = "Processes of the server under test whose CPU time is read from /proc/PID/stat over the measured window and reported per request, "
            + "as a gate figure each (lower is better); NAME=PID names one, and a path instead of a number is a pid file, read before each run.",
        HelpName = "PID[,PID...]",
    };

    /// <summary>--target-cgroup PATH[,PATH...]</summary>
    public Option<string> TargetCgroup { get; } = new("--target-cgroup")
    {
        Description = "cgroup v2 directories (or paths under /sys/fs/cgroup) of the server under test: their cpu.stat usage_usec, per request, as gate figures.",
        HelpName = "PATH[,PATH...]",
    };

    /// <summary>--target-metrics URL[,URL...]</summary>
    public Option<string> TargetMetrics { get; } = new("--target-metrics")
    {
        Description = "OpenMetrics/Prometheus endpoints of the server under test, e.g. http://127.0.0.1:8080/metrics: their process_cpu_seconds_total, per request, as gate figures.",
        HelpName = "URL[,URL...]",
    };

    /// <summary>--cpus LIST</summary>
    public Option<string> Cpus { get; } = new("--cpus")
    {
        Description = "Run the bench on these CPUs only, e.g. 0 or 0-1,3 (start the server on others: scripts/reset-reference.sh --cpus); result.json records the CPUs each had and how busy each CPU was.",
        HelpName = "LIST",
    };

    /// <summary>Adds the options and their checks of form to <paramref name="command"/>.</summary>
    public CostOptionSet(Command command)
    {
        foreach (var option in new[] { TargetPid, TargetCgroup, TargetMetrics })
            command.Options.Add(option);
        command.Options.Add(Cpus);
        command.Validators.Add(result =>
        {
            try
            {
                using var _ = CostSources.Parse(result.GetValue(TargetPid), result.GetValue(TargetCgroup), result.GetValue(TargetMetrics));
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
        Cpus.Validators.Add(result =>
        {
            try
            {
                CpuList.Parse(result.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException e)
            {
                result.AddError($"--cpus: {e.Message}; give CPUs as taskset does, e.g. 0 or 0-1,3");
            }
        });
    }

    /// <summary>Whether a CPU source of the server was named (<c>--target-pid</c>, <c>-cgroup</c>, <c>-metrics</c>).</summary>
    public bool Given(ParseResult parseResult) =>
        parseResult.GetValue(TargetPid) is not null
        || parseResult.GetValue(TargetCgroup) is not null
        || parseResult.GetValue(TargetMetrics) is not null;

    /// <summary>
    /// Before any run: moves the bench to <c>--cpus</c> and reads the sources named. Returns them (null when none is),
    /// or the exit code that stops the command, its reason written to <paramref name="error"/>. Whether each source can
    /// be read is checked before the first run, after its reset (which may be what starts the server).
    /// </summary>
    public (CostSources? Sources, int? ExitCode) Prepare(ParseResult parseResult, TextWriter error)
    {
        if (parseResult.GetValue(Cpus) is { } cpus)
        {
            try
            {
                CpuAffinity.PinProcess(CpuList.Parse(cpus));
            }
            catch (Exception e) when (e is ArgumentException or PlatformNotSupportedException)
            {
                error.WriteLine($"error: --cpus {cpus}: {e.Message}");
                return (null, ExitCodes.UsageError);
            }
        }
        var sources = CostSources.Parse(parseResult.GetValue(TargetPid), parseResult.GetValue(TargetCgroup), parseResult.GetValue(TargetMetrics));
        if (!sources.IsEmpty) return (sources, null);
        sources.Dispose();
        return (null, null);
    }
}
