using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 5: the top page's images, <c>__ASYNC_PROPS__</c> and rooms, plus the front end's React markers (all critical).</summary>
internal sealed class TopPageContentCheck(FrontEnd frontEnd) : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.TopPageContent;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        await context.Requests.PageAsync(IsuketchApi.TopPageAsync(session, cancellationToken),
            (page, _, _) => TopPageRules.Content(page, frontEnd, "GET / (content)"), context.StoppedBy());
    }
}
