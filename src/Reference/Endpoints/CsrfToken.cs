using System.Text;
using IsuBench.Reference.Profiles;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Endpoints;

/// <summary>Checks the <c>x-csrf-token</c> header that every write must carry.</summary>
public static class CsrfToken
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "x-csrf-token";

    /// <summary>Tokens are 64 hex digits; longer input cannot match and is not sent to the database.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// The token id when <paramref name="token"/> is present and valid, else null. Tokens are ASCII: anything else cannot
    /// match, and is not sent to the database, where comparing it with the ASCII column is an error rather than a miss.
    /// </summary>
    public static async Task<long?> ValidateAsync(IIsuketchStore store, string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > MaxLength || !Ascii.IsValid(token)
            ? null
            : await store.FindValidTokenAsync(token, cancellationToken);

    /// <summary>The id of the request header's token when valid, else null.</summary>
    public static Task<long?> ValidateHeaderAsync(HttpRequest request, IIsuketchStore store, CancellationToken cancellationToken) =>
        ValidateAsync(store, request.Headers[HeaderName].ToString(), cancellationToken);
}
