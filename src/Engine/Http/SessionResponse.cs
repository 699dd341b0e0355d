using System.Net.Http.Headers;
using System.Text;

namespace IsuBench.Engine.Http;

/// <summary>
/// A finished request of a session: status, headers, body and timing, or why it failed.
/// Each response gets exactly one verdict, from the run's judge (<c>Judging.Judge</c>).
/// </summary>
public sealed class SessionResponse
{
    private int _settled;
    private HttpResponseHeaders? _responseHeaders;
    private HttpContentHeaders? _contentHeaders;
    private IReadOnlyDictionary<string, string>? _headers;

    internal SessionResponse(string endpoint, HttpMethod method, Uri uri, DateTimeOffset sentAt)
    {
        Endpoint = endpoint;
        Method = method;
        Uri = uri;
        SentAt = sentAt;
    }

    /// <summary>The endpoint name the statistics use, e.g. "GET /api/rooms/{id}".</summary>
    public string Endpoint { get; }

    /// <summary>The request method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The full request URI.</summary>
    public Uri Uri { get; }

    /// <summary>Wall time just before the request was sent.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Wall time when the whole body was read (or the request failed).</summary>
    public DateTimeOffset ReceivedAt { get; internal set; }

    /// <summary>Time from send to the end of the body.</summary>
    public TimeSpan Latency { get; internal set; }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int Status { get; internal set; }

    /// <summary>The response's Content-Type header value, if any.</summary>
    public string? ContentType => _contentHeaders?.ContentType?.ToString();

    /// <summary>Response headers (content headers included; values of a repeated header joined by ", "), empty without response.</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers ??= FlattenHeaders();

    /// <summary>The body bytes (empty without response).</summary>
    public byte[] Body { get; internal set; } = [];

    /// <summary>Why no usable response arrived; <see cref="FailureKind.None"/> when one did.</summary>
    public FailureKind Failure { get; internal set; }

    /// <summary>A message describing the failure, or null.</summary>
    public string? FailureMessage { get; internal set; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>True when a response arrived with the expected status.</summary>
    public bool Is(int expectedStatus) => Failure == FailureKind.None && Status == expectedStatus;

    /// <summary>Claims the one verdict this response gets: true the first time, false ever after (the judge refuses a second).</summary>
    public bool TrySettle() => Interlocked.Exchange(ref _settled, 1) == 0;

    // Header collections stay readable after the message is disposed; flattening is deferred because most callers never ask.
    internal void SetHeaders(HttpResponseHeaders headers, HttpContentHeaders content)
    {
        _responseHeaders = headers;
        _contentHeaders = content;
    }

    private Dictionary<string, string> FlattenHeaders()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_responseHeaders is null || _contentHeaders is null)
        {
            return result;
        }
        foreach (var header in _responseHeaders.Concat(_contentHeaders))
        {
            result[header.Key] = string.Join(", ", header.Value);
        }
        return result;
    }
}
