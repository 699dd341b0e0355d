namespace IsuBench.Bench.Cost;

/// <summary>
/// The CPU time a server reports of itself on an OpenMetrics/Prometheus endpoint (<c>--target-metrics</c>): its
/// <c>process_cpu_seconds_total</c>, which every Prometheus client library exposes (the reference's is <c>/metrics</c>).
/// Each read is one GET to the server under test, so it is read at the two ends of the window only.
/// </summary>
internal sealed class MetricsEndpointReader : ICpuSource
{
    /// <summary>The series read.</summary>
    public const string Series = "process_cpu_seconds_total";

    /// <summary>How long one read may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _client;

    private MetricsEndpointReader(Uri url, HttpClient client)
    {
        Url = url;
        _client = client;
    }

    /// <summary>The endpoint.</summary>
    public Uri Url { get; }

    /// <inheritdoc />
    public string Name => $"metrics {Url.Authority}{Url.AbsolutePath}";

    /// <inheritdoc />
    public string Kind => "metrics";

    /// <inheritdoc />
    public string Detail => Url.ToString();

    /// <inheritdoc />
    public string? Cpus => null;

    /// <inheritdoc />
    public bool Remote => true;

    /// <inheritdoc />
    public bool OnThisMachine => Url.IsLoopback;

    /// <summary>The endpoint at <paramref name="url"/>, read once to see that it answers with the series.</summary>
    /// <exception cref="CpuSourceException">It does not answer (<see cref="CpuSourceException.Unreachable"/>), or lacks the series.</exception>
    public static async Task<MetricsEndpointReader> OpenAsync(Uri url, HttpClient client, CancellationToken cancellationToken)
    {
        var reader = new MetricsEndpointReader(url, client);
        await reader.ReadAsync(cancellationToken);
        return reader;
    }

    /// <inheritdoc />
    public async Task<TimeSpan> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string text;
        try
        {
            using var response = await _client.GetAsync(Url, timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new CpuSourceException($"{Url} answered {(int)response.StatusCode} {response.ReasonPhrase}, not metrics");
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new CpuSourceException($"{Url} did not answer: {e.Message}", unreachable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CpuSourceException($"{Url} did not answer within {Timeout.TotalSeconds:0} s", unreachable: true);
        }
        return MetricsText.Sample(text, Series) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new CpuSourceException($"{Url} answers but has no {Series} series with a number");
    }
}
