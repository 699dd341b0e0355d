using System.Collections.Concurrent;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// Tokens known to exist, by value: a hit spares the database; a miss is asked of the database (tokens are never
/// deleted, so a cached token stays true until it expires). Bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
internal sealed class TokenCache
{
    /// <summary>Most tokens remembered at once.</summary>
    public const int MaxEntries = 1_000_000;

    private readonly ConcurrentDictionary<string, (long Id, DateTime CreatedAt)> _tokens = new(StringComparer.Ordinal);

    /// <summary>Remembers a token the database holds.</summary>
    public void Add(string token, long id, DateTime createdAt)
    {
        if (_tokens.Count >= MaxEntries) _tokens.Clear();
        _tokens[token] = (id, createdAt);
    }

    /// <summary>The token's id and creation time when remembered.</summary>
    public bool TryGet(string token, out long id, out DateTime createdAt)
    {
        var found = _tokens.TryGetValue(token, out var entry);
        (id, createdAt) = entry;
        return found;
    }

    /// <summary>Forgets every token.</summary>
    public void Clear() => _tokens.Clear();

    /// <summary>How many tokens are remembered.</summary>
    public int Count => _tokens.Count;
}
