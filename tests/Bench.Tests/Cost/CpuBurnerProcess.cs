using System.Diagnostics;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>
/// tests/CpuBurner run as a child process on a free loopback port: a server that spends a known CPU time per request.
/// It stops when this process closes its standard input (disposal, or this process dying).
/// </summary>
internal sealed class CpuBurnerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CpuBurnerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri Url(string pathAndQuery) => new($"http://127.0.0.1:{Port}{pathAndQuery}");

    public static async Task<CpuBurnerProcess> StartAsync(HttpClient client)
    {
        int port = TextServer.FreePort();
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IsuBench.CpuBurner.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var burner = new CpuBurnerProcess(Process.Start(start)!, port);
        try
        {
            using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await burner._process.StandardOutput.ReadLineAsync(ready.Token) is { } line && line != "listening")
            {
            }
            using var answer = await client.GetAsync(burner.Url("/burn?ms=0"), ready.Token);
            answer.EnsureSuccessStatusCode();
            return burner;
        }
        catch
        {
            await burner.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
