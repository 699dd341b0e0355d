namespace IsuBench.Engine.Sse;

/// <summary>How long to wait before reconnecting: the server's <c>retry</c> once told, else the default; always the default in compat mode.</summary>
internal sealed class ReconnectPolicy(SseClientOptions options)
{
    /// <summary>The shortest wait honoured, so that <c>retry: 0</c> on a stream that ends at once cannot make the client spin.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(10);

    private TimeSpan? _serverRetry;

    /// <summary>The wait before the next reconnection.</summary>
    public TimeSpan Delay => options.CompatRetry || _serverRetry is null ? options.DefaultRetry : _serverRetry.Value;

    /// <summary>Takes note of a <c>retry:</c> value the parser reported (ignores unset or negative values).</summary>
    public void Observe(TimeSpan parserInterval)
    {
        if (parserInterval >= TimeSpan.Zero && parserInterval != Timeout.InfiniteTimeSpan)
        {
            _serverRetry = parserInterval < MinimumDelay ? MinimumDelay : parserInterval;
        }
    }
}
