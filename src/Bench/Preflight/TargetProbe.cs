using System.Net.Security;

namespace IsuBench.Bench.Preflight;

/// <summary>
/// Before a run: asks each target for <c>/</c> once, so that an unreachable target fails in seconds with a clear
/// message instead of a whole run of timeouts. Any HTTP answer counts as reachable; judging it is the checks' job.
/// </summary>
public static class TargetProbe
{
    /// <summary>How long one probe may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The problems found, one line per unreachable target; empty when all answered.</summary>
    public static async Task<IReadOnlyList<string>> FindUnreachableAsync(IReadOnlyList<Uri> targets, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = Timeout,
            AllowAutoRedirect = false,
            // Self-signed certificates are accepted by the bench (docs/contract.md §2.1), so also by its probe.
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        var probes = targets.Select(async target =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(target, "/"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                return null;
            }
            catch (HttpRequestException e)
            {
                return $"{target.GetLeftPart(UriPartial.Authority)} is unreachable: {e.Message}";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return $"{target.GetLeftPart(UriPartial.Authority)} did not answer within {Timeout.TotalSeconds:F0} s";
            }
        });
        return (await Task.WhenAll(probes)).OfType<string>().ToList();
    }
}
