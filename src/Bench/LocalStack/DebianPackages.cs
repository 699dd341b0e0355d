using System.Diagnostics;

namespace IsuBench.Bench.LocalStack;

/// <summary>Finds programs from Debian's packages and installs the packages when they are missing and we are root.</summary>
public static class DebianPackages
{
    /// <summary>The full path of <paramref name="program"/> in the usual directories, or null.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var dirs = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        return dirs.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Returns the path of <paramref name="program"/>, installing <paramref name="packages"/> with apt-get first
    /// when it is missing and we run as root; otherwise throws with the command that would fix it.
    /// </summary>
    public static async Task<string> RequireAsync(string program, string[] packages, CancellationToken cancellationToken)
    {
        if (Find(program) is { } found) return found;
        var command = $"apt-get install -y {string.Join(' ', packages)}";
        if (Environment.UserName != "root")
            throw new EnvironmentMissingException($"'{program}' is not installed. Install it with: sudo apt-get update && sudo {command}");

        await RunAsync("apt-get", ["update"], cancellationToken);
        var (exit, output) = await RunAsync("apt-get", ["install", "-y", .. packages], cancellationToken);
        if (exit != 0 || Find(program) is not { } installed)
            throw new EnvironmentMissingException($"'{command}' failed (exit {exit}); '{program}' is still missing.\n{Tail(output)}");
        return installed;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new EnvironmentMissingException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
