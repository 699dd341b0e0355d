using IsuBench.Engine.Metrics;

namespace IsuBench.Engine.Http;

/// <summary>Creates sessions on the targets, each with an origin picked by the caller's random source.</summary>
public sealed class SessionFactory : IDisposable
{
    private readonly Targets _targets;
    private readonly SessionOptions _options;
    private readonly RunMetrics _metrics;
    private readonly SharedTransportPool? _pool;
    private readonly TlsConnector _tls;

    /// <summary>Creates a factory; a shared pool is made when the options ask for one.</summary>
    public SessionFactory(Targets targets, SessionOptions options, RunMetrics metrics)
    {
        _targets = targets;
        // One connector for the run: an origin the own TLS client could not serve is known to every session from then on.
        _tls = new TlsConnector(options.Tls, metrics.Tls);
        _options = options with { Connector = _tls };
        _metrics = metrics;
        _pool = options.Transport == TransportMode.PerSession ? null : new SharedTransportPool(options.SharedPoolSize, _tls);
    }

    /// <summary>The run's metrics.</summary>
    public RunMetrics Metrics => _metrics;

    /// <summary>A new session (fresh cookies) on a random target.</summary>
    public Session Create(Random random)
    {
        var origin = _targets.Pick(random);
        bool shared = _options.Transport == TransportMode.SharedPool || (_options.Transport == TransportMode.Auto && origin.Scheme != Uri.UriSchemeHttps);
        return shared
            ? new Session(origin, _pool!.Next(), ownsInvoker: false, _options, _metrics.Clock, _metrics.Endpoints, _metrics.Errors)
            : new Session(origin, new HttpMessageInvoker(HttpHandlerFactory.Create(TimeSpan.FromSeconds(5), _tls), disposeHandler: true),
                ownsInvoker: true, _options, _metrics.Clock, _metrics.Endpoints, _metrics.Errors);
    }

    /// <inheritdoc />
    public void Dispose() => _pool?.Dispose();
}
