namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// What the checks of one run share: whether the target has stopped answering, after which the rest of the sequence is skipped
/// (a dead server costs seconds, not minutes). One timeout is not enough: a slow server that answers again keeps being checked,
/// as the original benchmark checked it.
/// </summary>
internal sealed class RunState
{
    /// <summary>Requests in a row that timed out or could not connect before the target counts as gone.</summary>
    public const int FailuresInARow = 2;

    private int _inARow;

    /// <summary>True once <see cref="FailuresInARow"/> requests in a row got no answer.</summary>
    public bool TargetStoppedAnswering => Volatile.Read(ref _inARow) >= FailuresInARow;

    /// <summary>Takes note of one request: <paramref name="answered"/> false when it timed out or could not connect.</summary>
    public void Observe(bool answered)
    {
        if (answered)
        {
            // Once gone, gone: the skipped checks are already decided.
            if (!TargetStoppedAnswering) Volatile.Write(ref _inARow, 0);
        }
        else
        {
            Interlocked.Increment(ref _inARow);
        }
    }
}
