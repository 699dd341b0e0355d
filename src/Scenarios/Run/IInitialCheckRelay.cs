namespace IsuBench.Scenarios.Run;

/// <summary>
/// How the segments of one run share its one initial check (<c>run --segment I/N</c>): segment 1 runs the check and publishes
/// whether it passed; every other segment awaits that outcome before its load, and runs no load when the check failed or its
/// outcome did not come. Where the outcome travels (a file in the run's folder) is the command line's business.
/// </summary>
public interface IInitialCheckRelay
{
    /// <summary>Segment 1: the initial check ended, passed or not.</summary>
    Task PublishAsync(bool passed, CancellationToken cancellationToken);

    /// <summary>Other segments: true when the check passed, false when it failed, null when its outcome did not come in time (<see cref="Describe"/> says where and how long).</summary>
    Task<bool?> AwaitAsync(CancellationToken cancellationToken);

    /// <summary>Where the outcome is awaited and for how long, for messages.</summary>
    string Describe { get; }
}
