using IsuBench.Integration.Load;
using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Bench;

/// <summary>
/// The baseline reference on 127.0.0.1 over a small initial data set (<see cref="LoadTarget.Rooms"/> rooms, more than the 100 the
/// top list and the watcher check use): a whole run passes against it as against the full 1000 rooms, and it loads in a
/// fraction of the time, so that each class of whole runs can have one of its own and run beside the others.
/// </summary>
public sealed class SmallDataSetReference : IAsyncLifetime
{
    private LoadTarget? _target;

    /// <summary>Where the reference listens.</summary>
    public Uri BaseAddress => (_target ?? throw new InvalidOperationException("not started")).BaseAddress;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _target = await LoadTarget.StartAsync(ReferenceOptions.BaselineProfile);
        // The first answers of a fresh server compile its pages and open its connections: done here, they do not count
        // against the bench's first probe (5 s) when several classes start their runs at once on a busy machine.
        using var client = new HttpClient { BaseAddress = _target.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var path in new[] { "/", "/api/rooms" })
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_target is not null) await _target.DisposeAsync();
    }
}
