namespace IsuBench.Engine.Http;

/// <summary>
/// Lets the bench's own TLS client carry https requests through <see cref="SocketsHttpHandler"/>: an https request goes down as
/// the same request to an http URI (the Host header kept as https would send it) and marked with the server name, and
/// <see cref="TcpConnector.ConnectStreamAsync"/> makes the TLS handshake on each new connection for a marked request. The
/// handler would otherwise wrap every connection in <c>SslStream</c>, which costs about twice the CPU per handshake.
/// </summary>
internal sealed class HttpsOriginHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The server name of a request whose connection must speak TLS.</summary>
    public static readonly HttpRequestOptionsKey<string> TlsServerName = new("IsuBench.TlsServerName");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || uri.Scheme != Uri.UriSchemeHttps)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        // http://host:443 would be sent as "Host: host:443"; https leaves the default port out.
        request.Headers.Host ??= uri.Authority;
        request.Options.Set(TlsServerName, uri.IdnHost);
        request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = uri.Port }.Uri;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            // Callers see the request as they made it (cookies are stored against its URI).
            request.RequestUri = uri;
        }
    }
}
