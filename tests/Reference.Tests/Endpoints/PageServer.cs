using IsuBench.Reference.Endpoints;
using IsuBench.Reference.Profiles;
using IsuBench.Reference.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IsuBench.Tests.Reference.Endpoints;

/// <summary>Kestrel on a free loopback port serving only the pages, images and static files over a given store.</summary>
internal sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PageServer> StartAsync(IIsuketchStore store)
    {
        // A content root without wwwroot/ proves the static files come from the assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IRoomImages, RenderedRoomImages>();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseIsuketchStaticFiles();
        app.MapPageEndpoints();
        app.MapImageEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PageServer(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
