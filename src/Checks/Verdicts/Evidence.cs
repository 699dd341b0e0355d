namespace IsuBench.Checks.Verdicts;

/// <summary>What a person needs to act on a verdict: the request, what was expected and what came back (shortened).</summary>
public sealed record Evidence(string Request, string Expected, string Actual)
{
    /// <summary>The longest text kept for <see cref="Expected"/> and <see cref="Actual"/>; response bodies can be megabytes.</summary>
    public const int MaxLength = 200;

    /// <summary>Cuts <paramref name="text"/> to <see cref="MaxLength"/> characters, marking the cut with how much was left out.</summary>
    public static string Shorten(string? text)
    {
        if (text is null) return "";
        if (text.Length <= MaxLength) return text;
        var cut = MaxLength;
        // Never split a surrogate pair: the evidence ends up in JSON and XML reports.
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), $"… ({text.Length - cut} more characters)");
    }
}
