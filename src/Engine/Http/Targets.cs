namespace IsuBench.Engine.Http;

/// <summary>The origins under test (http or https); each session picks one at random.</summary>
public sealed class Targets
{
    /// <summary>Creates targets from absolute origins.</summary>
    public Targets(IReadOnlyList<Uri> origins)
    {
        if (origins.Count == 0)
        {
            throw new ArgumentException("at least one target is needed", nameof(origins));
        }
        foreach (var origin in origins)
        {
            if (!origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"not an http(s) origin: {origin}", nameof(origins));
            }
        }
        Origins = origins;
    }

    /// <summary>The origins, in the order given.</summary>
    public IReadOnlyList<Uri> Origins { get; }

    /// <summary>Parses a comma-separated list such as <c>http://a:8080,https://b</c>.</summary>
    public static Targets Parse(string commaSeparated) =>
        new(commaSeparated
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? new Uri(uri.GetLeftPart(UriPartial.Authority))
                : throw new ArgumentException($"not an absolute URL: {text}", nameof(commaSeparated)))
            .ToList());

    /// <summary>Picks one origin with the caller's random source (so a seed fixes the choice).</summary>
    public Uri Pick(Random random) => Origins.Count == 1 ? Origins[0] : Origins[random.Next(Origins.Count)];
}
