using IsuBench.Reference.Endpoints;
using IsuBench.Reference.Profiles.Baseline;
using IsuBench.Reference.Profiles.Tuned;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace IsuBench.Reference.Hosting;

/// <summary>Builds the ISUketch web application; the program runs it, tests host it in-process on a real port.</summary>
internal static class IsuketchApp
{
    /// <summary>
    /// Builds the application from command-line style arguments (<c>--urls</c>, <c>--profile</c>, <c>--mysql</c>, <c>--stop-when-stdin-closes</c>, <c>--otlp-endpoint</c>) and
    /// the environment. The schema is applied when the application starts. Throws <see cref="StartupException"/> for a bad configuration.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The server is a tool run from anywhere: look for its content next to the assembly.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var options = ReferenceOptions.FromConfiguration(builder.Configuration);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => ServerLimits.Apply(kestrel.Limits));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A failed start is reported once, by the program, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(options);
        if (options.StopWhenStdinCloses) builder.Services.AddHostedService<StdinLifeline>();
        builder.Services.AddServerMetricsExport(options);
        if (options.Profile == ReferenceOptions.TunedProfile) builder.Services.AddTunedProfile(options.ConnectionString);
        else builder.Services.AddBaselineProfile(options.ConnectionString);

        var app = builder.Build();
        // First, so that a request waits for its worker before anything else is done for it; the metrics are read beside the pool.
        if (options.Workers is { } pool)
            app.UseWhen(context => context.Request.Path != ProcessMetricsEndpoint.Path, branch => branch.Use(pool.ServeAsync));
        app.UseServerIdentityHeaders(options.Profile);
        if (options.InjectedDelays.Any)
            app.Use(async (context, next) =>
            {
                await options.InjectedDelays.WaitAsync(context.Request, context.RequestAborted);
                await next(context);
            });
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseJsonErrorBodies();

        app.MapTokenEndpoints();
        app.MapRoomEndpoints();
        app.MapStrokeEndpoints();
        app.MapStreamEndpoints();
        app.UseIsuketchStaticFiles();
        app.MapPageEndpoints();
        app.MapImageEndpoints();
        app.MapProcessMetrics();
        return app;
    }
}
