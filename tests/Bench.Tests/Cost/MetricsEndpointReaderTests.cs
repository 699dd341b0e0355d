using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class MetricsEndpointReaderTests : IDisposable
{
    private readonly TextServer _server = new();
    private readonly HttpClient _client = new();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task It_reads_process_cpu_seconds_total_at_each_read()
    {
        _server.Answer("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1.25\n");
        var reader = await MetricsEndpointReader.OpenAsync(_server.Url("/metrics"), _client, CancellationToken.None);
        _server.Answer("process_cpu_seconds_total 2.5\n");

        Assert.Equal(TimeSpan.FromSeconds(2.5), await reader.ReadAsync(CancellationToken.None));
        Assert.Equal($"metrics 127.0.0.1:{_server.Port}/metrics", reader.Name);
        Assert.True(((ICpuSource)reader).Remote);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task An_endpoint_without_the_series_is_refused_as_naming_nothing_usable()
    {
        _server.Answer("# HELP http_requests_total x\nhttp_requests_total 5\n");
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => MetricsEndpointReader.OpenAsync(_server.Url("/metrics"), _client, CancellationToken.None));
        Assert.Contains("process_cpu_seconds_total", e.Message);
        Assert.False(e.Unreachable);
    }

    [Fact]
    public async Task An_error_status_is_refused_with_the_status()
    {
        _server.Answer("not found", status: 404);
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => MetricsEndpointReader.OpenAsync(_server.Url("/nope"), _client, CancellationToken.None));
        Assert.Contains("404", e.Message);
        Assert.False(e.Unreachable);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_is_unreachable()
    {
        var url = new Uri($"http://127.0.0.1:{TextServer.FreePort()}/metrics");
        var e = await Assert.ThrowsAsync<CpuSourceException>(() => MetricsEndpointReader.OpenAsync(url, _client, CancellationToken.None));
        Assert.True(e.Unreachable);
        Assert.Contains(url.ToString(), e.Message);
    }
}
