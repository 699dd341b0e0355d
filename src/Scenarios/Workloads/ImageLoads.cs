using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// The images of one page of a LoadIndexPage session, at most a given number at a time. Starting one waits only for a free
/// slot, so the caller moves on while the last ones load, as the original's loadImages did; failures are counted as they happen.
/// </summary>
internal sealed class ImageLoads(JudgedRequests requests, Session session, int concurrency)
{
    private readonly SemaphoreSlim _slots = new(concurrency);
    private readonly List<Task> _loads = [];
    private int _failures;

    /// <summary>Images that failed so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Waits for a free slot, then starts loading <paramref name="path"/> without waiting for it.</summary>
    public async Task StartAsync(string path, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        _loads.Add(LoadAsync(path, cancellationToken));
    }

    /// <summary>Completes when every image started so far has been loaded (or has failed, or was cancelled).</summary>
    public Task AllAsync() => Task.WhenAll(_loads).ContinueWith(_ => _slots.Dispose(), CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            if (!await requests.AnsweredOkAsync(IsuketchApi.ImageStatusAsync(session, path, cancellationToken)))
            {
                Interlocked.Increment(ref _failures);
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The phase ended while this image was loading: nobody waits for it any more.
        }
        finally
        {
            _slots.Release();
        }
    }
}
