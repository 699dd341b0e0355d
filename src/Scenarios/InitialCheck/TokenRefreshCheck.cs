using IsuBench.Checks.Rules;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 1: two sessions load <c>/</c>; their CSRF tokens must differ (critical).</summary>
internal sealed class TokenRefreshCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.TokenRefresh;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var first = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (first is null) return;
        var second = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (second is null) return;
        // As the original: both pages scored; the comparison of their tokens is a verdict of its own.
        context.Record(TokenRules.TokensDiffer(first.Token, second.Token, "GET / by two sessions"));
    }
}
