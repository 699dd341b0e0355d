using System.Reflection;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// What <c>isuketch --help</c> (<c>-h</c>) and <c>isuketch --version</c> print. The program answers them before it builds
/// the server, so that neither needs a database.
/// </summary>
internal static class IsuketchUsage
{
    /// <summary>The informational version of isuketch (e.g. 0.9.0+commit).</summary>
    public static string Version { get; } =
        typeof(IsuketchUsage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(IsuketchUsage).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The help text: every option and environment variable <see cref="ReferenceOptions.FromConfiguration"/> reads.</summary>
    public static string Help { get; } = $"""
        isuketch {Version}: the ISUketch reference server (ISUCON6 final). It applies its schema to the database, then
        serves the JSON API, the SSE stream, the pages and the thumbnails until stopped (Ctrl+C, SIGTERM).

        Usage: isuketch [options]

        Options:
          --urls URL[;URL...]             where to listen (default {ReferenceOptions.DefaultUrls}; ASPNETCORE_URLS when not given)
          --profile NAME                  {ReferenceOptions.BaselineProfile} (the original's algorithm) or {ReferenceOptions.TunedProfile} (default {ReferenceOptions.BaselineProfile})
          --mysql CONNECTION-STRING       the database, e.g. "Server=127.0.0.1;Port=3306;User ID=isucon;Password=isucon"; database isuketch unless it names one
          --stop-when-stdin-closes BOOL   true: stop when standard input reaches its end, so a parent that pipes it takes the server with it (default false)
          --otlp-endpoint URL             stream the server's metrics over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318 (default none)
          --otlp-interval SECONDS         seconds between two OTLP exports, 1..300 (default 5)
          --inject-delay "METHOD PATH=MS[,...]"   slow matching requests by MS milliseconds to calibrate a gate, e.g. "GET /api/rooms/*=0.3" (a path ending in * matches by prefix; default none)
          --workers N                     serve at most N requests at once, each to its end, one per connection, as a pool of N
                                          synchronous workers does (gunicorn, Unicorn, php-fpm); the rest wait in arrival order (default: no limit)
          -h, --help                      this text
          --version                       the version

        Environment:
          ISUKETCH_MYSQL                  the connection string when --mysql is not given
          MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASS
                                          the database when neither --mysql nor ISUKETCH_MYSQL is given (defaults localhost, 3306, root, empty password; database isuketch)
          ASPNETCORE_URLS                 where to listen when --urls is not given

        An option and its value may also be joined by "=" (--profile=tuned). Exit codes: 0 stopped, 1 could not start (database, address in use), 2 bad options.

        """;

    /// <summary>The text to print for <paramref name="args"/> instead of starting the server, or null to start it.</summary>
    public static string? AnswerFor(IReadOnlyList<string> args) =>
        args.Any(a => a is "--help" or "-h" or "-?") ? Help
        : args.Contains("--version") ? Version + "\n"
        : null;
}
