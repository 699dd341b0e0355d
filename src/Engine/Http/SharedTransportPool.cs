namespace IsuBench.Engine.Http;

/// <summary>A few HTTP handlers shared by all sessions, so idle connections are reused instead of piling up per session.</summary>
internal sealed class SharedTransportPool : IDisposable
{
    private readonly HttpMessageInvoker[] _invokers;
    private int _next;

    /// <summary>Creates <paramref name="size"/> handlers whose TLS connections <paramref name="tls"/> makes.</summary>
    public SharedTransportPool(int size, TlsConnector tls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _invokers = Enumerable.Range(0, size)
            .Select(_ => new HttpMessageInvoker(HttpHandlerFactory.Create(TimeSpan.FromSeconds(30), tls), disposeHandler: true))
            .ToArray();
    }

    /// <summary>The next handler, round robin.</summary>
    public HttpMessageInvoker Next() => _invokers[(int)((uint)Interlocked.Increment(ref _next) % (uint)_invokers.Length)];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }
    }
}
