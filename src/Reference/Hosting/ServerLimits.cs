using IsuBench.Reference.Domain;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Every request limit the server runs with, set here explicitly rather than inherited from Kestrel's defaults, so
/// a reader sees what a hostile client can cost and a framework upgrade cannot loosen it silently.
/// </summary>
internal static class ServerLimits
{
    /// <summary>Longest request line (method, path, query, version).</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>Largest total size of the request headers.</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;

    /// <summary>Most request headers.</summary>
    public const int MaxRequestHeaderCount = 100;

    /// <summary>How long a client may take to send its request headers (slow-header clients are cut off).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>An idle keep-alive connection is closed after this.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(130);

    /// <summary>
    /// A body arriving slower than this (after a grace period) is cut off with 408: a client that sends a byte now and
    /// then cannot hold a request, its buffers and a database connection open.
    /// </summary>
    public static readonly MinDataRate MinRequestBodyDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>A client that reads a pending response slower than this is dropped (it only applies while a write waits, so idle streams are fine).</summary>
    public static readonly MinDataRate MinResponseDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>Applies the limits to Kestrel.</summary>
    public static void Apply(KestrelServerLimits limits)
    {
        // Bodies over the API's 1 MiB get a JSON 413 from RequestBodyLimitMiddleware; Kestrel's own cap only bounds the discarding.
        limits.MaxRequestBodySize = InputLimits.MaxDiscardedRequestBodyBytes;
        limits.MaxRequestLineSize = MaxRequestLineBytes;
        limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.MinRequestBodyDataRate = MinRequestBodyDataRate;
        limits.MinResponseDataRate = MinResponseDataRate;
        // No connection cap: SSE watchers are long-lived connections and the process's open-file limit is the real bound.
        limits.MaxConcurrentConnections = null;
        limits.MaxConcurrentUpgradedConnections = null;
    }
}
