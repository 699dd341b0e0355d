using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Tests.Bench.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 that answers every request 404 with the given response headers.</summary>
internal sealed class HeaderServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeaderServer(WebApplication app) => _app = app;

    /// <summary>The origin the server listens on.</summary>
    public Uri Origin => new(_app.Urls.First());

    /// <summary>Starts a server whose every answer carries <paramref name="headers"/>.</summary>
    public static async Task<HeaderServer> StartAsync(params (string Name, string Value)[] headers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return new HeaderServer(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
