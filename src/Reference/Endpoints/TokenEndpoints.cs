using IsuBench.Reference.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IsuBench.Reference.Endpoints;

/// <summary><c>POST /api/csrf_token</c>.</summary>
internal static class TokenEndpoints
{
    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/csrf_token", CreateAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(IIsuketchStore store, CancellationToken cancellationToken) =>
        ApiResult.Ok(new { Token = await store.CreateTokenAsync(cancellationToken) });
}
