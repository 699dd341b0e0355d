using System.Diagnostics;
using System.Globalization;
using IsuBench.Bench.Progress;

namespace IsuBench.Bench.Processes;

/// <summary>
/// One segment of <c>run --processes N</c> in a process of its own: its standard output and error copied into
/// <c>DIR/segment-I.log</c> through a small buffer, its pid in <c>DIR/segment-I.pid</c> while it runs, its latest progress
/// read from the file it replaces every second.
/// </summary>
internal sealed class SegmentChild : IAsyncDisposable
{
    private const int CopyBufferBytes = 16 * 1024;

    private readonly Process _process;
    private readonly FileStream _log;
    private readonly SemaphoreSlim _logWrite = new(1);
    private readonly Task _copies;
    private readonly Task<int> _exited;

    private SegmentChild(int index, int count, string directory, Process process, FileStream log)
    {
        Index = index;
        Count = count;
        _process = process;
        _log = log;
        Pid = process.Id;
        LogPath = LogPathOf(directory, index);
        ProgressPath = ProgressPathOf(directory, index);
        PidPath = PidPathOf(directory, index);
        _copies = Task.WhenAll(CopyAsync(process.StandardOutput.BaseStream), CopyAsync(process.StandardError.BaseStream));
        _exited = WaitForExitAsync();
    }

    /// <summary>The segment's index, 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>The number of segments.</summary>
    public int Count { get; }

    /// <summary>"I/N".</summary>
    public string Name => $"{Index}/{Count}";

    /// <summary>The process's id.</summary>
    public int Pid { get; }

    /// <summary>Where its output goes.</summary>
    public string LogPath { get; }

    /// <summary>The file it writes its progress to.</summary>
    public string ProgressPath { get; }

    /// <summary>The file holding its pid while it runs.</summary>
    public string PidPath { get; }

    /// <summary>Its latest progress; null before the first.</summary>
    public ProgressSnapshot? Latest { get; private set; }

    /// <summary>True while the process runs.</summary>
    public bool Running => !_exited.IsCompleted;

    /// <summary>Its exit code, once it has exited (128 + the signal's number when a signal ended it).</summary>
    public Task<int> Exited => _exited;

    /// <summary>The log of segment <paramref name="index"/> in <paramref name="directory"/>.</summary>
    public static string LogPathOf(string directory, int index) => Path.Combine(directory, $"segment-{index}.log");

    /// <summary>The progress file of segment <paramref name="index"/> in <paramref name="directory"/>.</summary>
    public static string ProgressPathOf(string directory, int index) => Path.Combine(directory, $"segment-{index}.progress.json");

    /// <summary>The pid file of segment <paramref name="index"/> in <paramref name="directory"/>.</summary>
    public static string PidPathOf(string directory, int index) => Path.Combine(directory, $"segment-{index}.pid");

    /// <summary>
    /// Starts <paramref name="executable"/> with <paramref name="arguments"/> as segment <paramref name="index"/> of
    /// <paramref name="count"/>.
    /// </summary>
    public static SegmentChild Start(BenchExecutable executable, IReadOnlyList<string> arguments, int index, int count, string directory)
    {
        var start = new ProcessStartInfo(executable.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Not the terminal's: the parent alone reads the keyboard (and Ctrl+C reaches the segments as a signal).
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in executable.LeadingArguments.Concat(arguments)) start.ArgumentList.Add(argument);
        var log = new FileStream(LogPathOf(directory, index), FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable.FileName} did not start");
        }
        catch
        {
            log.Dispose();
            throw;
        }
        // Before anything waits for its end, which removes the file.
        File.WriteAllText(PidPathOf(directory, index), process.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        return new SegmentChild(index, count, directory, process, log);
    }

    /// <summary>Reads its progress file again; keeps the previous snapshot when there is no newer one to read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Latest = await ProgressFile.ReadAsync(ProgressPath, cancellationToken) ?? Latest;

    /// <summary>Sends it <paramref name="signal"/> if it still runs.</summary>
    public void Signal(int signal)
    {
        if (Running) ProcessSignal.Send(Pid, signal);
    }

    /// <summary>Ends it outright (SIGKILL) if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (Running) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>
    /// How it ended, for people: "exit code 0 (passed)", "exit code 137 (killed by signal 9, SIGKILL)". .NET reports a process a
    /// signal ended as 128 + the signal's number; 130 is isubench's own code of an interrupted run.
    /// </summary>
    public static string ExitText(int exitCode) => exitCode switch
    {
        0 => "exit code 0 (passed)",
        1 => "exit code 1 (failed)",
        2 => "exit code 2 (usage error)",
        4 => "exit code 4 (target unreachable or environment missing)",
        130 => "exit code 130 (interrupted)",
        > 128 and < 128 + 65 => $"exit code {exitCode} (killed by signal {exitCode - 128}{SignalName(exitCode - 128)})",
        _ => $"exit code {exitCode}",
    };

    private static string SignalName(int signal) => signal switch
    {
        6 => ", SIGABRT",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        15 => ", SIGTERM",
        _ => "",
    };

    // Both outputs into one log, a buffer at a time: nothing the segment writes is held in the parent beyond one buffer.
    private async Task CopyAsync(Stream source)
    {
        var buffer = new byte[CopyBufferBytes];
        int read;
        bool writable = true;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            // A log that cannot be written (a full disk) is given up, but the pipe is still drained: a segment blocked on a
            // full pipe would stop its load.
            if (!writable) continue;
            await _logWrite.WaitAsync();
            try
            {
                await _log.WriteAsync(buffer.AsMemory(0, read));
                await _log.FlushAsync();
            }
            catch (IOException)
            {
                writable = false;
            }
            finally
            {
                _logWrite.Release();
            }
        }
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        await _copies;
        try
        {
            File.Delete(PidPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the next run with this folder replaces it.
        }
        await RefreshAsync(CancellationToken.None);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        await _exited;
        _process.Dispose();
        await _log.DisposeAsync();
        _logWrite.Dispose();
    }
}
