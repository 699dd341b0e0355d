using System.Diagnostics;

namespace IsuBench.Bench.Repeat;

/// <summary>
/// The user's command that puts the target back to its initial data before a run (<c>--reset-command</c>), run by
/// <c>/bin/sh -c</c> so that it may be a pipeline or a script. Its output goes to stderr, beside the progress.
/// </summary>
internal static class TargetReset
{
    /// <summary>The most output kept to explain a failed reset.</summary>
    private const int KeptOutputChars = 4000;

    /// <summary>Runs <paramref name="command"/>; throws <see cref="TargetResetException"/> when it cannot start or exits non-zero.</summary>
    public static async Task RunAsync(string command, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new TargetResetException($"--reset-command could not start: {command}");
        process.StandardInput.Close();
        var tail = new OutputTail(KeptOutputChars);
        var pump = Task.WhenAll(
            PumpAsync(process.StandardOutput, error, tail, cancellationToken),
            PumpAsync(process.StandardError, error, tail, cancellationToken));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            await pump;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the reset's children (a data load, a restart) must not outlive the bench.
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new TargetResetException($"--reset-command exited with {process.ExitCode}: {command}\n{tail}");
    }

    private static async Task PumpAsync(StreamReader reader, TextWriter error, OutputTail tail, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            tail.Add(line);
            await error.WriteLineAsync($"  reset: {line}");
        }
    }

    /// <summary>The last lines a process wrote, up to a number of characters; thread-safe.</summary>
    private sealed class OutputTail(int maxChars)
    {
        private readonly LinkedList<string> _lines = new();
        private int _chars;

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.AddLast(line);
                _chars += line.Length;
                while (_chars > maxChars && _lines.Count > 1)
                {
                    _chars -= _lines.First!.Value.Length;
                    _lines.RemoveFirst();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }
}
