using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 1: two sessions load <c>/</c>; their CSRF tokens must differ (critical).</summary>
internal sealed class TokenRefreshCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.TokenRefresh;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var firstSession = context.NewSession();
        var first = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(firstSession, cancellationToken), needsToken: true);
        if (!first.Ok) return;
        context.Judge(first.Response, first.PageVerdicts);

        var secondSession = context.NewSession();
        var second = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(secondSession, cancellationToken), needsToken: true);
        if (!second.Ok) return;
        context.Judge(second.Response, [.. second.PageVerdicts, TokenRules.TokensDiffer(first.Token!, second.Token!, "GET / by two sessions")]);
    }
}
