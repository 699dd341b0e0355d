using IsuBench.Bench.Progress;

namespace IsuBench.Bench.Processes;

/// <summary>
/// The N segment processes of <c>run --processes N</c>: started together, their progress read into one snapshot, waited for
/// together, and stopped together when the run is interrupted.
/// </summary>
internal sealed class SegmentProcessGroup : IAsyncDisposable
{
    /// <summary>How long an interrupted segment has to write what it measured before it is killed.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly List<SegmentChild> _children;

    private SegmentProcessGroup(List<SegmentChild> children) => _children = children;

    /// <summary>The segments' processes, segment 1 first.</summary>
    public IReadOnlyList<SegmentChild> Children => _children;

    /// <summary>Starts segments 1 to <paramref name="count"/>, each with what <paramref name="argumentsOf"/> gives for its index.</summary>
    public static SegmentProcessGroup Start(
        BenchExecutable executable, Func<int, IReadOnlyList<string>> argumentsOf, int count, string directory)
    {
        var children = new List<SegmentChild>();
        try
        {
            for (int index = 1; index <= count; index++)
                children.Add(SegmentChild.Start(executable, argumentsOf(index), index, count, directory));
        }
        catch
        {
            foreach (var child in children) child.Kill();
            throw;
        }
        return new SegmentProcessGroup(children);
    }

    /// <summary>The one snapshot of all segments (<see cref="CombinedProgress"/>).</summary>
    public ProgressSnapshot Sample() =>
        CombinedProgress.Of(_children.Select(c => new CombinedProgress.Segment(c.Latest, c.Running)).ToList());

    /// <summary>
    /// Reads the segments' progress files every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled;
    /// never throws for that.
    /// </summary>
    public async Task ReadProgressAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                foreach (var child in _children) await child.RefreshAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits until every segment's process has ended and returns their exit codes, segment 1 first. When
    /// <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM), each is sent SIGTERM, so that it stops as an
    /// interrupted run does and writes its partial result; one still running <see cref="StopGrace"/> later is killed.
    /// </summary>
    public async Task<IReadOnlyList<int>> WaitAsync(CancellationToken cancellationToken)
    {
        var all = Task.WhenAll(_children.Select(c => c.Exited));
        try
        {
            await all.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var child in _children) child.Signal(ProcessSignal.Terminate);
            try
            {
                await all.WaitAsync(StopGrace, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                foreach (var child in _children) child.Kill();
            }
        }
        return await all;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children) await child.DisposeAsync();
    }
}
