namespace IsuBench.Checks.Rules;

/// <summary>
/// What scores (docs/contract.md §2.2; the original's action/action.go and scenario/matsuri.go): a request that passed its checks,
/// 1 point for a GET and 20 for a POST; a stroke a Matsuri watcher received less than 2 s after its POST was sent, 1 point. Nothing
/// is ever deducted.
/// </summary>
public static class ScoringRules
{
    /// <summary>How soon after its POST was sent a stroke must arrive to score.</summary>
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromSeconds(2);

    /// <summary>Points one event of a kind is worth.</summary>
    public static long PointsFor(ScoreKind kind) => kind switch
    {
        ScoreKind.Get => 1,
        ScoreKind.Post => 20,
        ScoreKind.StreamStroke => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown score kind"),
    };

    /// <summary>The kind a passing request of <paramref name="method"/> scores as (anything but a POST counts as a GET).</summary>
    public static ScoreKind KindOf(HttpMethod method) => method == HttpMethod.Post ? ScoreKind.Post : ScoreKind.Get;

    /// <summary>Whether a stroke received at <paramref name="receivedAt"/> scores: strictly less than the window after its POST was sent, as the original compared.</summary>
    /// <remarks><paramref name="window"/> replaces the 2 s of the original when a run tunes it.</remarks>
    public static bool ScoresDelivery(DateTimeOffset postSentAt, DateTimeOffset receivedAt, TimeSpan? window = null) =>
        receivedAt - postSentAt < (window ?? DeliveryWindow);
}
