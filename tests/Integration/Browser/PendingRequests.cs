using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace IsuBench.Integration.Browser;

/// <summary>The requests a page has started and not yet finished, so that a timed-out wait can say what the page was waiting for.</summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<IRequest, DateTime> _pending = new();
    private readonly string _name;
    private readonly IPage _page;

    public PendingRequests(string name, IPage page)
    {
        _name = name;
        _page = page;
        page.Request += (_, request) => _pending[request] = DateTime.UtcNow;
        page.RequestFinished += (_, request) => _pending.TryRemove(request, out DateTime _);
        page.RequestFailed += (_, request) => _pending.TryRemove(request, out DateTime _);
    }

    /// <summary>Where the page is, then one line per unfinished request: method, URL and how long it has been open.</summary>
    public string Describe()
    {
        var now = DateTime.UtcNow;
        var lines = _pending.Select(pair => $"  {pair.Key.Method} {pair.Key.Url} open {(now - pair.Value).TotalSeconds:0.0} s").Order().ToList();
        return $"{_name} at {_page.Url}:\n" + (lines.Count == 0 ? "  (none)" : string.Join('\n', lines));
    }
}
