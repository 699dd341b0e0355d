using System.Net;
using System.Net.Http.Headers;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;

namespace IsuBench.Engine.Http;

/// <summary>
/// A virtual user's HTTP identity: one origin, its own cookie jar and headers, a request timeout,
/// and either its own connection pool or a shared one. Every request is timed and counted by its
/// <see cref="RequestRecorder"/> under the name the caller gives; what it is worth is the judge's to say.
/// </summary>
public sealed class Session : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _ownsInvoker;
    private readonly SessionOptions _options;
    // A session may send several requests at once (e.g. a page's images); CookieContainer is not documented thread-safe.
    private readonly Lock _cookieLock = new();
    private CookieContainer? _cookies;

    /// <summary>
    /// Creates a session on <paramref name="origin"/> sending through <paramref name="invoker"/>, timing with <paramref name="clock"/>,
    /// counting into <paramref name="endpoints"/>, and noting in <paramref name="errors"/> when the bench itself runs out of sockets.
    /// </summary>
    public Session(Uri origin, HttpMessageInvoker invoker, bool ownsInvoker, SessionOptions options, IClock clock, EndpointStats endpoints, ErrorLedger errors)
    {
        Origin = origin;
        _invoker = invoker;
        _ownsInvoker = ownsInvoker;
        _options = options;
        Clock = clock;
        Requests = new RequestRecorder(clock, endpoints, errors);
    }

    /// <summary>The origin this session talks to.</summary>
    public Uri Origin { get; }

    // Made on first use: most bench sessions (every SSE watcher among them) never receive a cookie.
    /// <summary>This session's cookies, applied by hand so that shared handlers never mix sessions; read it only while no request runs.</summary>
    public CookieContainer Cookies => LazyInitializer.EnsureInitialized(ref _cookies);

    /// <summary>The clock requests are timed with.</summary>
    public IClock Clock { get; }

    /// <summary>Where this session's requests, and the streams opened over it, are timed and counted.</summary>
    internal RequestRecorder Requests { get; }

    /// <summary>GET a path and read the whole body.</summary>
    public Task<SessionResponse> GetAsync(string pathAndQuery, string endpoint, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, endpoint, content: null, headers: null, cancellationToken);

    /// <summary>POST a JSON body (UTF-8) with extra <paramref name="headers"/> and read the whole response.</summary>
    public Task<SessionResponse> PostJsonAsync(
        string pathAndQuery, string endpoint, string json, IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken)
    {
        var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(HttpMethod.Post, pathAndQuery, endpoint, content, headers, cancellationToken);
    }

    /// <summary>
    /// GETs a path for its status alone, on a connection of its own that is closed once the head has arrived, body unread
    /// (<see cref="HeadOnlyGet"/>), as the original benchmark fetched images. The latency is to the head.
    /// </summary>
    public Task<SessionResponse> GetDiscardingBodyAsync(string pathAndQuery, string endpoint, CancellationToken cancellationToken)
    {
        var uri = new Uri(Origin, pathAndQuery);
        return ExchangeAsync(HttpMethod.Get, uri, endpoint, async (response, token) =>
        {
            var tls = _options.Connector ?? TlsConnector.Unrecorded;
            var head = await HeadOnlyGet.SendAsync(uri, UserAgent, CookieHeaderFor(uri), tls, token);
            response.Status = head.Status;
            if (head.SetCookies.Count > 0)
            {
                StoreCookies(uri, head.SetCookies);
            }
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Sends a request with the session's timeout, reads the body, records latency. Transport failures, timeouts and
    /// redirects come back as a failed response; only cancellation by the caller throws.
    /// </summary>
    public Task<SessionResponse> SendAsync(
        HttpMethod method, string pathAndQuery, string endpoint, HttpContent? content,
        IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken)
    {
        var uri = new Uri(Origin, pathAndQuery);
        return ExchangeAsync(method, uri, endpoint, async (response, token) =>
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content };
            foreach (var header in headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            using var message = await SendRawAsync(request, token);
            response.Status = (int)message.StatusCode;
            response.SetHeaders(message.Headers, message.Content.Headers);
            if (response.Status is >= 300 and < 400)
            {
                return message.Headers.Location?.ToString() ?? "";
            }
            response.Body = await ReadBodyAsync(message.Content, token);
            return null;
        }, cancellationToken);
    }

    // One exchange under the session's timeout, recorded by its timing: what went wrong becomes the response's failure, and only
    // the caller's cancellation throws. The exchange returns where a redirect pointed, or null.
    private async Task<SessionResponse> ExchangeAsync(
        HttpMethod method, Uri uri, string endpoint, Func<SessionResponse, CancellationToken, Task<string?>> exchange, CancellationToken cancellationToken)
    {
        var timing = Requests.Begin(endpoint);
        var response = new SessionResponse(endpoint, method, uri, timing.SentAt);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            var redirect = await exchange(response, timeout.Token);
            if (redirect is null)
            {
                timing.Answered(response.Status);
                return Ended(response, timing);
            }
            timing.Failed(response.Status);
            return Ended(response, timing, FailureKind.Redirect, $"{endpoint}: unexpected redirect {response.Status} to {redirect}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timing.TimedOut(response.Status);
            return Ended(response, timing, FailureKind.Timeout, $"{endpoint}: request timed out after {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (BodyTooLargeException)
        {
            timing.Failed(response.Status);
            return Ended(response, timing, FailureKind.BodyTooLarge, $"{endpoint}: response body over {_options.MaxBodyBytes} bytes");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var failure = timing.Failed(response.Status, exception);
            return Ended(response, timing, failure,
                failure == FailureKind.BenchCapacity ? $"{endpoint}: {ErrorLedger.CapacityMessage}" : $"{endpoint}: {Describe(exception)}");
        }
    }

    /// <summary>
    /// Sends a request with this session's cookies and user agent and no timeout of its own (for streams);
    /// returns once headers arrive and stores cookies the response sets. The caller owns the returned message.
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Version = HttpVersion.Version11;
        if (CookieHeaderFor(request.RequestUri!) is { } cookieHeader)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        }
        var message = await _invoker.SendAsync(request, cancellationToken);
        if (message.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            StoreCookies(request.RequestUri!, setCookies);
        }
        return message;
    }

    /// <summary>The User-Agent this session sends.</summary>
    public string UserAgent => _options.UserAgent;

    /// <summary>The <c>Cookie</c> header this session sends to <paramref name="uri"/>, or null when it holds none for it.</summary>
    public string? CookieHeaderFor(Uri uri)
    {
        lock (_cookieLock)
        {
            // GetCookieHeader is not cheap; most bench sessions hold no cookie at all.
            return _cookies is { Count: > 0 } cookies && cookies.GetCookieHeader(uri) is { Length: > 0 } header ? header : null;
        }
    }

    /// <summary>Keeps the cookies of <c>Set-Cookie</c> header values received from <paramref name="uri"/>; malformed ones are ignored, as browsers do.</summary>
    public void StoreCookies(Uri uri, IEnumerable<string> setCookies)
    {
        lock (_cookieLock)
        {
            foreach (string setCookie in setCookies)
            {
                try
                {
                    Cookies.SetCookies(uri, setCookie);
                }
                catch (CookieException)
                {
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsInvoker)
        {
            _invoker.Dispose();
        }
    }

    // The response as its timing ended it; the caller's judge records the failure's message.
    private static SessionResponse Ended(SessionResponse response, RequestTiming timing, FailureKind failure = FailureKind.None, string? message = null)
    {
        response.Latency = timing.Latency;
        response.ReceivedAt = timing.EndedAt;
        response.Failure = failure;
        response.FailureMessage = message;
        return response;
    }

    private async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > _options.MaxBodyBytes)
        {
            throw new BodyTooLargeException();
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (declared is { } length)
        {
            // The common case: the length is known, so read straight into an array of that size.
            byte[] exact = new byte[length];
            await stream.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }
        // Unknown length (chunked): read into pooled segments, so neither a small body nor one near the cap costs more
        // than its own exact array.
        using var segments = new BodySegments(_options.MaxBodyBytes);
        int read;
        while ((read = await stream.ReadAsync(segments.FreeSpace(), cancellationToken)) > 0)
        {
            if (!segments.Advance(read))
            {
                throw new BodyTooLargeException();
            }
        }
        return segments.ToArray();
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;

    private sealed class BodyTooLargeException : Exception;
}
