using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 whose every response is written by a test script.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private ScriptedServer(WebApplication app) => _app = app;

    /// <summary>The origin the server listens on.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>Every request seen: its index, Last-Event-ID header (null if absent), and arrival time.</summary>
    public ConcurrentQueue<(int Index, string? LastEventId, DateTimeOffset At, string? Cookie, string? UserAgent)> Requests { get; } = new();

    /// <summary>
    /// Starts a server whose responses come from <paramref name="script"/> (given the request and its 0-based index); over https
    /// with <paramref name="certificate"/> when one is given.
    /// </summary>
    public static async Task<ScriptedServer> StartAsync(Func<HttpContext, int, Task> script, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (certificate is null) builder.WebHost.UseUrls("http://127.0.0.1:0");
        else builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(async context =>
        {
            int index = Interlocked.Increment(ref server._requests) - 1;
            server.Requests.Enqueue((index, context.Request.Headers["Last-Event-ID"].FirstOrDefault(), DateTimeOffset.UtcNow,
                context.Request.Headers.Cookie.FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault()));
            try
            {
                await script(context, index);
            }
            catch (OperationCanceledException)
            {
                // The client went away while the script waited.
            }
        });
        await app.StartAsync();
        server.Origin = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>A self-signed certificate for 127.0.0.1, as targets of the bench often have.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel wants a key it can use for TLS: export and load it back.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes raw text to the response and flushes it.</summary>
    public static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Starts an event-stream response.</summary>
    public static async Task StartStreamAsync(HttpContext context, string contentType = "text/event-stream")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        await context.Response.StartAsync(context.RequestAborted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
