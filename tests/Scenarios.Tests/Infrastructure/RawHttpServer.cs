using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>A TCP server on 127.0.0.1 that reads each request head and answers with whatever bytes a test script writes, malformed ones included.</summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, int, CancellationToken, Task> _script;
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private readonly bool _readsHead;

    private RawHttpServer(Func<Stream, int, CancellationToken, Task> script, bool readsHead = true)
    {
        _script = script;
        _readsHead = readsHead;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The origin the server listens on.</summary>
    public Uri Origin => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The request heads received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts a server; the script gets the connection's stream and the request's 0-based index, and the connection closes when it returns.</summary>
    public static RawHttpServer Start(Func<Stream, int, CancellationToken, Task> script) => new(script);

    /// <summary>Starts a server whose script gets each connection's stream untouched (no request head read first), for protocols other than HTTP's.</summary>
    public static RawHttpServer StartRaw(Func<Stream, CancellationToken, Task> script) => new((stream, _, token) => script(stream, token), readsHead: false);

    /// <summary>Writes Latin-1 text and flushes it.</summary>
    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private async Task AcceptAsync()
    {
        int index = 0;
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _connections.Add(ServeAsync(client, index++));
        }
    }

    private async Task ServeAsync(TcpClient client, int index)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                var head = new StringBuilder();
                byte[] one = new byte[1];
                while (_readsHead && !head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16 * 1024
                    && await stream.ReadAsync(one, _stop.Token) == 1)
                {
                    head.Append((char)one[0]);
                }
                if (_readsHead) Requests.Enqueue(head.ToString());
                await _script(stream, index, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }
}
