using System.Text.Json.Serialization;
using IsuBench.Engine.Metrics;

namespace IsuBench.Bench.Reports;

/// <summary>
/// The errors of each sample's interval by message, aligned with <c>time_series</c>: at most <c>tracked_limit</c> messages (the
/// first seen) each with its counts, and the occurrences of every other message.
/// </summary>
public sealed record ErrorsOverTimeDocument(
    [property: JsonPropertyName("tracked_limit")] int TrackedLimit,
    [property: JsonPropertyName("messages")] IReadOnlyList<ErrorTrackDocument> Messages,
    [property: JsonPropertyName("other")] IReadOnlyList<long> Other)
{
    /// <summary>The document of <paramref name="timeline"/>.</summary>
    public static ErrorsOverTimeDocument From(ErrorTimeline timeline) => new(
        timeline.MaxTracked,
        timeline.Messages.Select(m => new ErrorTrackDocument(ResultDocument.ErrorKindName(m.Kind), m.Message, m.Counts)).ToList(),
        timeline.Other);
}
