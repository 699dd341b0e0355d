using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// A deliberate slowdown for calibrating a regression gate (<c>--inject-delay "GET /api/rooms=20"</c>): requests whose
/// method and path match wait the given milliseconds before they are served. A build with a known regression shows
/// whether a gate catches it; nothing is delayed unless the option is given.
/// </summary>
public sealed class InjectedDelays
{
    private readonly Dictionary<(string Method, string Path), TimeSpan> _delays;

    private InjectedDelays(Dictionary<(string, string), TimeSpan> delays) => _delays = delays;

    /// <summary>No delay anywhere.</summary>
    public static InjectedDelays None { get; } = new([]);

    /// <summary>True when some request is delayed.</summary>
    public bool Any => _delays.Count > 0;

    /// <summary>Reads <c>METHOD PATH=MS[,METHOD PATH=MS...]</c>; throws <see cref="StartupException"/> with what is wrong.</summary>
    public static InjectedDelays Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var delays = new Dictionary<(string, string), TimeSpan>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = item.LastIndexOf('=');
            string[] request = equals < 0 ? [] : item[..equals].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (request.Length != 2 || !request[1].StartsWith('/')
                || !int.TryParse(item[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int ms) || ms > 60_000)
                throw new StartupException($"--inject-delay '{item}': give METHOD PATH=MILLISECONDS, e.g. \"GET /api/rooms=20\" (at most 60000)");
            delays[(request[0].ToUpperInvariant(), request[1])] = TimeSpan.FromMilliseconds(ms);
        }
        return new InjectedDelays(delays);
    }

    /// <summary>Waits the delay of <paramref name="request"/>'s method and path, if it has one.</summary>
    public Task WaitAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _delays.TryGetValue((request.Method, request.Path.Value ?? ""), out var delay) ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
}
