using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>An HTTP server on a free loopback port that answers every request with the status and text it is told.</summary>
internal sealed class TextServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private volatile int _status = 200;
    private volatile string _body = "";
    private int _requests;

    public TextServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public int Requests => Volatile.Read(ref _requests);

    public void Answer(string body, int status = 200)
    {
        _body = body;
        _status = status;
    }

    /// <summary>A loopback port nothing listens on (free a moment ago).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            var bytes = Encoding.UTF8.GetBytes(_body);
            context.Response.StatusCode = _status;
            context.Response.ContentType = "text/plain; version=0.0.4";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
