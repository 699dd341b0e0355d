namespace IsuBench.Scenarios.InitialCheck;

/// <summary>One check of the initial check: makes its requests through the context, which records their verdicts.</summary>
internal interface IInitialCheck
{
    /// <summary>The check's name (one of <see cref="InitialCheckNames"/>).</summary>
    string Name { get; }

    /// <summary>Runs the check; stops at the first request whose failure leaves nothing more to check.</summary>
    Task RunAsync(CheckContext context, CancellationToken cancellationToken);
}
