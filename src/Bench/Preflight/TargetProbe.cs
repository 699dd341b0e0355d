using System.Net.Security;

namespace IsuBench.Bench.Preflight;

/// <summary>
/// Before a run: asks each target for <c>/</c> once, so that an unreachable target fails in seconds with a clear
/// message instead of a whole run of timeouts. Any HTTP answer counts as reachable; judging it is the checks' job.
/// The answers' headers also say which server profile and version the targets run, when they say (<see cref="ServerIdentity"/>).
/// </summary>
public static class TargetProbe
{
    /// <summary>How long one probe may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes every target at once: the problems found, one line per unreachable target (none when all answered), and what the answers said of the server.</summary>
    public static async Task<TargetProbeResult> ProbeAsync(IReadOnlyList<Uri> targets, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = Timeout,
            AllowAutoRedirect = false,
            // Self-signed certificates are accepted by the bench (docs/contract.md §2.1), so also by its probe.
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        var probes = targets.Select(async Task<(string? Problem, ServerIdentity Server)> (target) =>
        {
            try
            {
                using var response = await client.GetAsync(new Uri(target, "/"), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                return (null, ServerIdentity.From(response));
            }
            catch (HttpRequestException e)
            {
                return ($"{target.GetLeftPart(UriPartial.Authority)} is unreachable: {e.Message}", ServerIdentity.Unknown);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return ($"{target.GetLeftPart(UriPartial.Authority)} did not answer within {Timeout.TotalSeconds:F0} s", ServerIdentity.Unknown);
            }
        });
        var answers = await Task.WhenAll(probes);
        return new TargetProbeResult(answers.Select(a => a.Problem).OfType<string>().ToList(), ServerIdentity.Of(answers.Select(a => a.Server)));
    }
}
