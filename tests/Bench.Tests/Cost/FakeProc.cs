using System.Globalization;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>A temporary folder laid out as /proc: a process's <c>stat</c>, <c>status</c> and <c>cmdline</c>, written as the kernel writes them.</summary>
internal sealed class FakeProc : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("isubench-proc-").FullName;

    /// <summary>Writes <c>Root/pid/stat</c> with the given command, state and times (clock ticks), and the other fields as a real line has them.</summary>
    public void Stat(int pid, string command, long userTicks, long systemTicks, long startTicks = 4242, char state = 'S')
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture))).FullName;
        // Fields 1-22 as in proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
        // utime stime cutime cstime priority nice num_threads itrealvalue starttime, then the rest.
        string line = $"{pid} ({command}) {state} 1 {pid} {pid} 0 -1 4194560 1523 0 0 0 {userTicks} {systemTicks} 77 88 20 0 12 0 {startTicks} 3000000000 12000 18446744073709551615 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        File.WriteAllText(Path.Combine(directory, "stat"), line);
    }

    public void Status(int pid, string cpusAllowed) =>
        File.WriteAllText(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "status"), $"Name:\tx\nCpus_allowed:\t3\nCpus_allowed_list:\t{cpusAllowed}\nMems_allowed_list:\t0\n");

    public void CommandLine(int pid, params string[] args) =>
        File.WriteAllText(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "cmdline"), string.Join('\0', args) + "\0");

    public void Remove(int pid) => Directory.Delete(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture)), recursive: true);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
