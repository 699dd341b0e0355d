using System.Globalization;
using Microsoft.Extensions.Configuration;
using MySqlConnector;

namespace IsuBench.Reference.Hosting;

/// <summary>How the reference server was asked to run: listen addresses, store profile and database.</summary>
internal sealed record ReferenceOptions(string Urls, string Profile, string ConnectionString)
{
    /// <summary>Where the server listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The naive profile, faithful to the original application.</summary>
    public const string BaselineProfile = "baseline";

    /// <summary>The optimized profile.</summary>
    public const string TunedProfile = "tuned";

    /// <summary>Stop when standard input reaches its end: a parent that pipes it ends, however it ends, and takes the server with it.</summary>
    public bool StopWhenStdinCloses { get; init; }

    /// <summary>An OpenTelemetry collector to stream metrics to over OTLP/HTTP (<c>--otlp-endpoint</c>), or null.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Deliberate slowdowns for calibrating a gate (<c>--inject-delay</c>); none unless given.</summary>
    public InjectedDelays InjectedDelays { get; init; } = InjectedDelays.None;

    /// <summary>A pool of synchronous workers that every request but <c>/metrics</c> waits for (<c>--workers N</c>), or null: no limit.</summary>
    public WorkerPool? Workers { get; init; }

    /// <summary>Time between two OTLP exports (<c>--otlp-interval</c>, seconds; 5 when not given).</summary>
    public TimeSpan OtlpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads <c>--urls</c>, <c>--profile</c>, <c>--stop-when-stdin-closes true|false</c>, <c>--otlp-endpoint URL</c>, <c>--otlp-interval SECONDS</c>, <c>--inject-delay "METHOD PATH=MS"</c>,
    /// <c>--workers N</c> and <c>--mysql</c> (a connection string), falling back to the environment as the original did: <c>ISUKETCH_MYSQL</c>,
    /// else <c>MYSQL_HOST/PORT/USER/PASS</c> with database <c>isuketch</c>.
    /// </summary>
    public static ReferenceOptions FromConfiguration(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        var profile = configuration["profile"] ?? BaselineProfile;
        if (profile != BaselineProfile && profile != TunedProfile)
            throw new StartupException($"unknown profile '{profile}': use {BaselineProfile} or {TunedProfile}");
        var stopWhenStdinCloses = configuration["stop-when-stdin-closes"];
        bool stop = false;
        if (stopWhenStdinCloses is not null && !bool.TryParse(stopWhenStdinCloses, out stop))
            throw new StartupException($"--stop-when-stdin-closes '{stopWhenStdinCloses}': use true or false");
        return new ReferenceOptions(
            string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls,
            profile,
            ConnectionStringFrom(configuration))
        {
            StopWhenStdinCloses = stop,
            OtlpEndpoint = OtlpEndpointFrom(configuration["otlp-endpoint"]),
            OtlpInterval = OtlpIntervalFrom(configuration["otlp-interval"]),
            InjectedDelays = InjectedDelays.Parse(configuration["inject-delay"]),
            Workers = WorkerPool.Parse(configuration["workers"]),
        };
    }

    private static Uri? OtlpEndpointFrom(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new StartupException($"--otlp-endpoint '{text}': give an http or https URL, e.g. http://127.0.0.1:4318");

    private static TimeSpan OtlpIntervalFrom(string? text) =>
        text is null ? TimeSpan.FromSeconds(5)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 300 ? TimeSpan.FromSeconds(seconds)
        : throw new StartupException($"--otlp-interval '{text}': give whole seconds from 1 to 300");

    private static string ConnectionStringFrom(IConfiguration configuration)
    {
        var explicitString = configuration["mysql"] ?? configuration["ISUKETCH_MYSQL"];
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = explicitString is not null
                ? new MySqlConnectionStringBuilder(explicitString)
                : new MySqlConnectionStringBuilder
                {
                    Server = configuration["MYSQL_HOST"] ?? "localhost",
                    Port = ParsePort(configuration["MYSQL_PORT"]),
                    UserID = configuration["MYSQL_USER"] ?? "root",
                    Password = configuration["MYSQL_PASS"] ?? "",
                };
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"bad MySQL connection string: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.Database)) builder.Database = "isuketch";
        return builder.ConnectionString;
    }

    private static uint ParsePort(string? text) =>
        text is null ? 3306u
        : uint.TryParse(text, out var port) && port is > 0 and < 65536 ? port
        : throw new StartupException($"MYSQL_PORT '{text}' is not a port number");
}
