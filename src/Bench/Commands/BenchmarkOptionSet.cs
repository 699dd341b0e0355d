using System.CommandLine;
using IsuBench.Bench.Telemetry;
using IsuBench.Checks.FrontEnds;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>The options <c>run</c> and <c>check</c> share, their validation, and the <see cref="BenchmarkOptions"/> they make.</summary>
internal sealed class BenchmarkOptionSet
{
    /// <summary>--target URL[,URL...]</summary>
    public Option<string> Target { get; } = new("--target")
    {
        Description = "The ISUketch server(s) under test: origins separated by commas, e.g. http://127.0.0.1:8080 (http or https; self-signed certificates accepted).",
        Required = true,
        HelpName = "URL[,URL...]",
    };

    /// <summary>--seed N</summary>
    public Option<int> Seed { get; } = CommandOptions.Integer("--seed", "Fixes every random choice of every virtual user.", 42, int.MinValue, int.MaxValue);

    /// <summary>--front-end reference|isucon6f</summary>
    public Option<string> FrontEnd { get; } = new("--front-end")
    {
        Description = "The front end (pages and static files) the checks expect: reference (the IsuBench reference's) or isucon6f (the original React front end). Not the server profile, which the target names itself.",
        DefaultValueFactory = _ => FrontEndCatalog.ReferenceName,
        HelpName = "NAME",
    };

    /// <summary>--profile: the old name of --front-end, easily confused with the reference server's own --profile (baseline or tuned); accepted for one more release, with a warning.</summary>
    public Option<string> DeprecatedProfile { get; } = new("--profile") { Hidden = true };

    /// <summary>--assets-manifest FILE</summary>
    public Option<FileInfo> AssetsManifest { get; } = new("--assets-manifest")
    {
        Description = "JSON file {path: md5} replacing the front end's expected static file hashes.",
        HelpName = "FILE",
    };

    /// <summary>--honor-retry</summary>
    public Option<bool> HonorRetry { get; } = new("--honor-retry")
    {
        Description = "Reconnect SSE streams after the retry interval the server sends (as browsers do); by default they wait 1 s, as the original bench did, so that scores compare with it.",
    };

    /// <summary>--compat-retry: removed (the original's 1 s wait is the default); recognised only to tell an old script what to do.</summary>
    public Option<bool> RemovedCompatRetry { get; } = new("--compat-retry") { Hidden = true };

    /// <summary>What a command line that still gives --compat-retry is told.</summary>
    public const string CompatRetryRemoved =
        "--compat-retry was removed: the original's 1 s reconnection wait is the default; drop the option (or use --honor-retry for the server's retry:)";

    /// <summary>--strict</summary>
    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Also fail on IsuBench's additions to the original checks (missing contract fields, initial-check steps that could not complete); without it they are warnings. See docs/fidelity.md.",
    };

    /// <summary>--sse-transport socket|httpclient</summary>
    public Option<string> SseTransport { get; } = new("--sse-transport")
    {
        Description = "How SSE watchers connect: socket (the bench's own lean HTTP/1.1 client, for http targets; https falls back to httpclient) or httpclient.",
        DefaultValueFactory = _ => "socket",
        HelpName = "NAME",
    };

    /// <summary>--tls auto|own|platform</summary>
    public Option<string> Tls { get; } = new("--tls")
    {
        Description = "The TLS stack for https targets: auto (the bench's own TLS 1.3 and 1.2 client where the server accepts what it "
            + "offers, else the platform's, origin by origin), own (the own client only: a server that accepts nothing it offers fails "
            + "the run) or platform "
            + "(.NET's SslStream always). result.json and the summaries say which stack served each origin, and why.",
        DefaultValueFactory = _ => "auto",
        HelpName = "NAME",
    };

    /// <summary>--user-agent TEXT</summary>
    public Option<string> UserAgent { get; } = new("--user-agent")
    {
        Description = "User-Agent of every request.",
        DefaultValueFactory = _ => "benchmarker",
        HelpName = "TEXT",
    };

    /// <summary>--no-progress</summary>
    public Option<bool> NoProgress { get; } = new("--no-progress")
    {
        Description = "No live progress (otherwise a live panel on a terminal, a line every 5 s when stderr is not one).",
    };

    /// <summary>--json</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print result.json to stdout (the human summary goes to stderr).",
    };

    /// <summary>--otlp-endpoint URL</summary>
    public Option<Uri?> OtlpEndpoint { get; } = new("--otlp-endpoint")
    {
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"--otlp-endpoint must be an absolute http or https URL, e.g. http://127.0.0.1:4318 (got {text})");
            return null;
        },
        Description = "Stream live metrics (meter IsuBench) over OTLP/HTTP to this collector while the run goes on, e.g. http://127.0.0.1:4318 (its /v1/metrics path is added when the URL has none).",
        HelpName = "URL",
    };

    /// <summary>--otlp-interval SECONDS</summary>
    public Option<int> OtlpInterval { get; } = CommandOptions.Integer(
        "--otlp-interval", "Seconds between two OTLP exports (the last one is sent when the run ends).", (int)MetricsExport.DefaultInterval.TotalSeconds, 1, 300, unit: "seconds");

    /// <summary>Adds the validators and the options to <paramref name="command"/>.</summary>
    public BenchmarkOptionSet(Command command)
    {
        command.Validators.Add(result =>
        {
            if (result.GetResult(RemovedCompatRetry) is not null) result.AddError(CompatRetryRemoved);
            if (result.GetResult(DeprecatedProfile) is not null && result.GetResult(FrontEnd) is { Implicit: false }) result.AddError("--profile is the old name of --front-end: give one");
        });
        Target.Validators.Add(result =>
        {
            try { Targets.Parse(result.GetValueOrDefault<string>() ?? ""); }
            catch (ArgumentException e) { result.AddError($"--target: {e.Message.Split(" (Parameter")[0]}; give origins such as http://127.0.0.1:8080"); }
        });
        OtlpInterval.HelpName = "SECONDS";
        Seed.HelpName = "N";
        FrontEnd.AcceptOnlyFromAmong(FrontEndCatalog.ReferenceName, FrontEndCatalog.Isucon6fName);
        DeprecatedProfile.AcceptOnlyFromAmong(FrontEndCatalog.ReferenceName, FrontEndCatalog.Isucon6fName);
        AssetsManifest.AcceptExistingOnly();
        // The names are the enum's, lower case, as result.json writes them.
        SseTransport.AcceptOnlyFromAmong("socket", "httpclient");
        Tls.AcceptOnlyFromAmong("auto", "own", "platform");
        foreach (var option in new Option[]
            {
                Target, Seed, FrontEnd, DeprecatedProfile, AssetsManifest, HonorRetry, RemovedCompatRetry, Strict, SseTransport, Tls,
                UserAgent, NoProgress, Json, OtlpEndpoint, OtlpInterval,
            })
            command.Options.Add(option);
    }

    /// <summary>Where and how often to export live metrics; no endpoint, no export.</summary>
    public MetricsExportSettings ReadMetricsExport(ParseResult parseResult) =>
        new(parseResult.GetValue(OtlpEndpoint), TimeSpan.FromSeconds(parseResult.GetValue(OtlpInterval)));

    /// <summary>Writes a warning to <paramref name="error"/> for each deprecated spelling the command line used.</summary>
    public void WarnAboutDeprecated(ParseResult parseResult, TextWriter error)
    {
        if (parseResult.GetResult(DeprecatedProfile) is not null)
            error.WriteLine("warning: --profile is now --front-end (it names the front end the checks expect); --profile will be removed in the next release");
    }

    /// <summary>The run's options from a parse result; <paramref name="duration"/> and <paramref name="checkOnly"/> come from the command.</summary>
    public BenchmarkOptions Read(ParseResult parseResult, TimeSpan duration, bool checkOnly) => new()
    {
        Targets = Targets.Parse(parseResult.GetRequiredValue(Target)).Origins,
        Duration = duration,
        Seed = parseResult.GetValue(Seed),
        FrontEnd = parseResult.GetValue(DeprecatedProfile) ?? parseResult.GetRequiredValue(FrontEnd),
        AssetsManifest = parseResult.GetValue(AssetsManifest)?.FullName,
        CompatRetry = !parseResult.GetValue(HonorRetry),
        Strict = parseResult.GetValue(Strict),
        SseTransport = Enum.Parse<Engine.Sse.SseTransport>(parseResult.GetRequiredValue(SseTransport), ignoreCase: true),
        Tls = Enum.Parse<TlsStackChoice>(parseResult.GetRequiredValue(Tls), ignoreCase: true),
        UserAgent = parseResult.GetRequiredValue(UserAgent),
        CheckOnly = checkOnly,
    };
}
