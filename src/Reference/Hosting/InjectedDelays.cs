using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// A deliberate slowdown for calibrating a regression gate (<c>--inject-delay "GET /api/rooms/*=0.3"</c>): requests
/// whose method and path match (a path ending in <c>*</c> matches by prefix) take the given extra milliseconds. A build
/// with a known regression shows whether a gate catches it; nothing is delayed unless the option is given.
/// </summary>
internal sealed class InjectedDelays
{
    /// <summary>
    /// Below this the delay is spent computing, as a slower code path would spend it (a timer cannot wait less than about a
    /// millisecond); from it on the request waits without holding a thread.
    /// </summary>
    public static readonly TimeSpan SpinBelow = TimeSpan.FromMilliseconds(2);

    private readonly IReadOnlyList<(string Method, string Path, bool Prefix, TimeSpan Delay)> _delays;

    private InjectedDelays(IReadOnlyList<(string, string, bool, TimeSpan)> delays) => _delays = delays;

    /// <summary>No delay anywhere.</summary>
    public static InjectedDelays None { get; } = new([]);

    /// <summary>True when some request is delayed.</summary>
    public bool Any => _delays.Count > 0;

    /// <summary>Reads <c>METHOD PATH=MS[,METHOD PATH=MS...]</c>; throws <see cref="StartupException"/> with what is wrong.</summary>
    public static InjectedDelays Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var delays = new List<(string, string, bool, TimeSpan)>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = item.LastIndexOf('=');
            string[] request = equals < 0 ? [] : item[..equals].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (request.Length != 2 || !request[1].StartsWith('/')
                || !double.TryParse(item[(equals + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double ms) || ms > 60_000)
                throw new StartupException($"--inject-delay '{item}': give METHOD PATH=MILLISECONDS, e.g. \"GET /api/rooms=20\" or \"POST /api/strokes/rooms/*=0.5\" (at most 60000)");
            bool prefix = request[1].EndsWith('*');
            delays.Add((request[0].ToUpperInvariant(), prefix ? request[1][..^1] : request[1], prefix, TimeSpan.FromMilliseconds(ms)));
        }
        return new InjectedDelays(delays);
    }

    /// <summary>Spends the delay of <paramref name="request"/>'s method and path, if it has one.</summary>
    public Task WaitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string path = request.Path.Value ?? "";
        foreach (var (method, match, prefix, delay) in _delays)
        {
            if (method != request.Method || !(prefix ? path.StartsWith(match, StringComparison.Ordinal) : path == match)) continue;
            if (delay >= SpinBelow) return Task.Delay(delay, cancellationToken);
            long until = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until) Thread.SpinWait(20);
            return Task.CompletedTask;
        }
        return Task.CompletedTask;
    }
}
