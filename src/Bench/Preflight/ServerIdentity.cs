namespace IsuBench.Bench.Preflight;

/// <summary>
/// What the targets say of themselves: the server profile and version that the reference names on every response (an
/// IsuBench addition, docs/contract.md §3); null where no target says. Several targets that say different things are
/// all named, in target order.
/// </summary>
public sealed record ServerIdentity(string? Profile, string? Version)
{
    /// <summary>The header naming the server profile (the reference's <c>--profile</c>: baseline or tuned).</summary>
    public const string ProfileHeader = "X-Isuketch-Profile";

    /// <summary>The header naming the server's version.</summary>
    public const string VersionHeader = "X-Isuketch-Version";

    /// <summary>The longest value kept: a report prints it on one line.</summary>
    public const int MaxLength = 100;

    /// <summary>A target that says nothing of itself.</summary>
    public static ServerIdentity Unknown { get; } = new(null, null);

    /// <summary>What <paramref name="response"/>'s headers say.</summary>
    public static ServerIdentity From(HttpResponseMessage response) => new(Read(response, ProfileHeader), Read(response, VersionHeader));

    /// <summary>One identity for all targets: each field the distinct values the targets gave, in their order.</summary>
    public static ServerIdentity Of(IEnumerable<ServerIdentity> targets)
    {
        var all = targets.ToList();
        return new(Join(all.Select(t => t.Profile)), Join(all.Select(t => t.Version)));
    }

    private static string? Join(IEnumerable<string?> values)
    {
        var said = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return said.Count == 0 ? null : string.Join(", ", said);
    }

    // The server under test writes these: keep only what prints as one short line of plain text.
    private static string? Read(HttpResponseMessage response, string header)
    {
        if (!response.Headers.TryGetValues(header, out var values)) return null;
        var value = string.Join(", ", values).Trim();
        return value.Length is > 0 and <= MaxLength && value.All(c => c is >= ' ' and <= '~') ? value : null;
    }
}
