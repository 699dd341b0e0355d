using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IsuBench.Bench.LocalStack;

/// <summary>
/// The reference ISUketch server (isuketch.dll, built next to isubench.dll) run as a child process on loopback,
/// its output appended to a log file.
/// </summary>
internal sealed class ReferenceServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _logPump;

    private ReferenceServerProcess(Process process, Uri baseAddress, string logPath, Task logPump)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _logPump = logPump;
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:8080/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The file receiving the server's stdout and stderr.</summary>
    public string LogPath { get; }

    /// <summary>The child's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The isuketch.dll shipped beside this program.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "isuketch.dll");

    /// <summary>
    /// Starts <c>dotnet isuketch.dll --urls http://127.0.0.1:port --profile P --stop-when-stdin-closes true</c> with <c>ISUKETCH_MYSQL</c> set (port 0 picks a
    /// free one) and waits until it answers HTTP on <paramref name="readinessPath"/>.
    /// </summary>
    public static async Task<ReferenceServerProcess> StartAsync(
        string mysqlConnectionString, int port, string logPath, string readinessPath, TimeSpan timeout, CancellationToken cancellationToken,
        string profile = "baseline")
    {
        if (!File.Exists(AssemblyPath))
            throw new EnvironmentMissingException($"{AssemblyPath} is missing; build the bench with: dotnet build src/Bench");
        if (port == 0) port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo(DotnetHost())
        {
            // A pipe on stdin that only this process holds: if it dies, even by SIGKILL, the server sees the end and stops.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { AssemblyPath, "--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--profile", profile, "--stop-when-stdin-closes", "true" })
            start.ArgumentList.Add(arg);
        start.Environment["ISUKETCH_MYSQL"] = mysqlConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var process = Process.Start(start) ?? throw new EnvironmentMissingException($"cannot start {start.FileName}");
        var logPump = PumpLogAsync(process, logPath);
        var server = new ReferenceServerProcess(process, baseAddress, Path.GetFullPath(logPath), logPump);
        try
        {
            await server.WaitUntilAnsweringAsync(readinessPath, timeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (SIGTERM: ASP.NET Core shuts down gracefully), killing it after 10 s.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        await _logPump;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Once: demo's reset disposes a server before it starts the next, and its end disposes whichever is last.
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync();
        _process.Dispose();
    }

    private int _disposed;

    private async Task WaitUntilAnsweringAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // An attempt may take as long as the deadline allows: on a busy machine the first answer (JIT, a cold buffer pool) can take
        // seconds, and cutting each attempt short then never saw an answer that was on its way (the demo gave up after 60 s).
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (_process.HasExited)
                throw new EnvironmentMissingException($"the reference server exited with {_process.ExitCode}; see {LogPath}");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, path), deadline.Token);
                return; // any HTTP answer means Kestrel is up; the endpoints' own correctness is the benchmark's business
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested) { }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EnvironmentMissingException($"the reference server did not answer on {BaseAddress} within {timeout.TotalSeconds:F0} s; see {LogPath}");
            }
            try { await Task.Delay(100, deadline.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EnvironmentMissingException($"the reference server did not answer on {BaseAddress} within {timeout.TotalSeconds:F0} s; see {LogPath}");
            }
        }
    }

    private static async Task PumpLogAsync(Process process, string logPath)
    {
        await using var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new SemaphoreSlim(1, 1);
        async Task Copy(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                await gate.WaitAsync();
                try { await log.WriteLineAsync(line); }
                finally { gate.Release(); }
            }
        }
        await Task.WhenAll(Copy(process.StandardOutput), Copy(process.StandardError));
    }

    // Run the child with the same host that runs us when that is `dotnet`; else the one on PATH.
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
