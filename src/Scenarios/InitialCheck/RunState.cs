namespace IsuBench.Scenarios.InitialCheck;

/// <summary>What the checks of one run share: whether the target has stopped answering (then the rest of the sequence is skipped).</summary>
internal sealed class RunState
{
    private volatile bool _stopped;

    /// <summary>Set once a request timed out or could not connect.</summary>
    public bool TargetStoppedAnswering
    {
        get => _stopped;
        set => _stopped = _stopped || value;
    }
}
