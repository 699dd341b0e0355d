using System.Net;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Tests.Reference.Hosting;

public sealed class ServerIdentityHeadersTests
{
    [Fact]
    public async Task Answers_errors_turned_into_json_and_unknown_paths_all_name_the_profile_and_version()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseServerIdentityHeaders("tuned");
        app.UseMiddleware<ApiErrorMiddleware>();
        app.MapGet("/ok", () => "ok");
        // The error middleware clears the response, headers included, before it writes the 500.
        app.MapGet("/fails", (HttpContext context) =>
        {
            context.Response.Headers["X-Before"] = "set";
            throw new InvalidOperationException("a fault");
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        foreach (var (path, status) in new[] { ("/ok", HttpStatusCode.OK), ("/fails", HttpStatusCode.InternalServerError), ("/nowhere", HttpStatusCode.NotFound) })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(["tuned"], response.Headers.GetValues(ServerIdentityHeaders.Profile));
            Assert.Equal([ServerIdentityHeaders.CurrentVersion], response.Headers.GetValues(ServerIdentityHeaders.Version));
        }
        await app.StopAsync();
    }

    [Fact]
    public void The_version_is_the_reference_assembly_s_own()
    {
        Assert.StartsWith(typeof(ServerIdentityHeaders).Assembly.GetName().Version!.ToString(3), ServerIdentityHeaders.CurrentVersion);
    }
}
