using System.Diagnostics.Metrics;

namespace IsuBench.Engine.Metrics;

/// <summary>
/// The live side of a run's measurements: the ledgers publish every request, point, error, delivery and watcher on the
/// <c>IsuBench</c> meter as they record them, so that an OpenTelemetry exporter or <c>dotnet-counters</c> can watch a
/// run while it goes on. Names and units follow OpenTelemetry's conventions (durations in seconds, counts as counters,
/// open watchers as an up-down counter). With no listener an instrument costs one branch per measurement.
/// </summary>
public static class BenchInstruments
{
    /// <summary>The meter's name, for <c>AddMeter</c> and <c>dotnet-counters monitor --counters</c>.</summary>
    public const string MeterName = "IsuBench";

    /// <summary>Attribute: the endpoint label of result.json, e.g. <c>GET /api/rooms/{id}</c>.</summary>
    public const string EndpointAttribute = "isubench.endpoint";

    /// <summary>Attribute: the HTTP method (OpenTelemetry's name).</summary>
    public const string MethodAttribute = "http.request.method";

    /// <summary>Attribute: <c>2xx</c> … <c>5xx</c>, or <c>none</c> when no response head arrived.</summary>
    public const string StatusClassAttribute = "isubench.status_class";

    /// <summary>Attribute: what failed, <c>timeout</c> or <c>failure</c> (OpenTelemetry's name).</summary>
    public const string ErrorTypeAttribute = "error.type";

    /// <summary>Attribute: the score kind (<c>get</c>, <c>post</c>, <c>stream_stroke</c>).</summary>
    public const string ScoreKindAttribute = "isubench.score.kind";

    /// <summary>Attribute: the ledger kind of an error (<c>ordinary</c>, <c>critical</c>, <c>bench_capacity</c>, <c>warning</c>).</summary>
    public const string ErrorKindAttribute = "isubench.error.kind";

    private static readonly Meter Meter = new(MeterName, typeof(BenchInstruments).Assembly.GetName().Version?.ToString());

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "isubench.request.duration", "s", "Time from sending a request to having its whole response (for a stream, its head).");

    private static readonly Counter<long> RequestErrors = Meter.CreateCounter<long>(
        "isubench.request.errors", "{request}", "Requests that failed: a transport error, a timeout, or a response that broke a rule.");

    private static readonly Counter<long> ScorePoints = Meter.CreateCounter<long>(
        "isubench.score", "{point}", "Points earned, by score kind.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "isubench.errors", "{error}", "Messages written to the error ledger, by kind.");

    private static readonly Histogram<double> DeliveryDuration = Meter.CreateHistogram<double>(
        "isubench.sse.delivery.duration", "s", "Time from a stroke's POST being sent to a watcher receiving it.");

    private static readonly UpDownCounter<long> OpenWatchers = Meter.CreateUpDownCounter<long>(
        "isubench.sse.watchers", "{watcher}", "Watchers connected right now.");

    private static readonly string[] ErrorKindNames = Enum.GetValues<ErrorKind>().Select(SnakeCase).ToArray();

    /// <summary>One finished request of <paramref name="endpoint"/> with <paramref name="status"/> (0: no response head).</summary>
    internal static void Request(string endpoint, int status, TimeSpan latency)
    {
        if (!RequestDuration.Enabled) return;
        RequestDuration.Record(latency.TotalSeconds,
            new(EndpointAttribute, endpoint), new(MethodAttribute, MethodOf(endpoint)), new(StatusClassAttribute, StatusClass(status)));
    }

    /// <summary>One failed request of <paramref name="endpoint"/>.</summary>
    internal static void RequestError(string endpoint, bool timedOut)
    {
        if (!RequestErrors.Enabled) return;
        RequestErrors.Add(1, new(EndpointAttribute, endpoint), new(MethodAttribute, MethodOf(endpoint)), new(ErrorTypeAttribute, timedOut ? "timeout" : "failure"));
    }

    /// <summary><paramref name="points"/> earned as the score kind named <paramref name="kind"/>.</summary>
    internal static void Score(string kind, long points)
    {
        if (ScorePoints.Enabled) ScorePoints.Add(points, new KeyValuePair<string, object?>(ScoreKindAttribute, kind));
    }

    /// <summary>One ledger message of <paramref name="kind"/>.</summary>
    internal static void Error(ErrorKind kind)
    {
        if (Errors.Enabled) Errors.Add(1, new KeyValuePair<string, object?>(ErrorKindAttribute, ErrorKindNames[(int)kind]));
    }

    /// <summary>One stroke delivered to a watcher after <paramref name="latency"/>.</summary>
    internal static void Delivery(TimeSpan latency) => DeliveryDuration.Record(latency.TotalSeconds);

    /// <summary>A watcher connected (+1) or left (-1).</summary>
    internal static void WatcherChange(int delta) => OpenWatchers.Add(delta);

    // Endpoint labels are "METHOD /path"; one without a method (a test's) reads as "_OTHER", OpenTelemetry's name for an unknown method.
    private static string MethodOf(string endpoint)
    {
        int space = endpoint.IndexOf(' ');
        return endpoint.AsSpan(0, Math.Max(space, 0)) switch
        {
            "GET" => "GET",
            "POST" => "POST",
            "HEAD" => "HEAD",
            _ => "_OTHER",
        };
    }

    private static string StatusClass(int status) => status switch
    {
        >= 100 and < 200 => "1xx",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        >= 500 and < 600 => "5xx",
        _ => "none",
    };

    private static string SnakeCase<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
