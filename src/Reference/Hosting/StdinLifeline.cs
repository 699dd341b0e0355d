using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Stops the server when its standard input ends. A parent that starts the server with a pipe on stdin (the bench's
/// demo) holds the pipe's other end; when the parent ends, even by SIGKILL, the kernel closes it and the server follows.
/// </summary>
internal sealed partial class StdinLifeline(IHostApplicationLifetime lifetime, ILogger<StdinLifeline> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: console reads block, and a blocked thread-pool thread would be a worker lost for the server's life.
        var thread = new Thread(WaitForEnd) { IsBackground = true, Name = "stdin lifeline" };
        thread.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WaitForEnd()
    {
        try
        {
            using var input = Console.OpenStandardInput();
            byte[] buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // Whatever the parent writes is ignored; only the end matters.
            }
        }
        catch (IOException)
        {
            // A broken stdin means the same as a closed one.
        }
        LogStdinClosed(logger);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "standard input closed: the parent has ended, stopping")]
    private static partial void LogStdinClosed(ILogger logger);
}
