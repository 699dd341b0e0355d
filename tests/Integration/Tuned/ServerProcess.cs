using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IsuBench.Integration.Tuned;

/// <summary>
/// The reference server as a real child process (<c>dotnet isuketch.dll</c>, copied next to the test assembly because
/// the tests reference the project, or the installed <c>isuketch</c> tool), so that it can be killed hard like a crashed server.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the server on a free loopback port and waits until it says where it listens.</summary>
    public static Task<ServerProcess> StartAsync(string profile, string connectionString, TimeSpan timeout) =>
        StartCommandAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "isuketch.dll")], profile, connectionString, timeout);

    /// <summary>
    /// Starts the server as <paramref name="fileName"/> with <paramref name="leadingArguments"/> (an installed tool's
    /// command, or <c>dotnet</c> and a dll) on a free loopback port, and waits until it says where it listens.
    /// </summary>
    public static async Task<ServerProcess> StartCommandAsync(
        string fileName, IEnumerable<string> leadingArguments, string profile, string connectionString, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in leadingArguments.Concat(["--profile", profile, "--urls", "http://127.0.0.1:0", "--mysql", connectionString]))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (lines) lines.Add(line);
            if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(
            new InvalidOperationException("server exited: " + string.Join('\n', Snapshot(lines)))), TaskScheduler.Default);
        try
        {
            var address = await listening.Task.WaitAsync(timeout);
            return new ServerProcess(process, address);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private static string[] Snapshot(List<string> lines)
    {
        lock (lines) return [.. lines];
    }

    [GeneratedRegex(@"listening on (http://\S+?)(,|$)")]
    private static partial Regex ListeningLine();
}
