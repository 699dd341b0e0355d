using IsuBench.Bench.Compare;
using IsuBench.Bench.Reports;

namespace IsuBench.Tests.Bench.Infrastructure;

/// <summary>Result documents with chosen scores, endpoints, deliveries and errors (the rest as SampleResults' passing run), for comparisons.</summary>
public static class ComparisonSamples
{
    /// <summary>A run scoring <paramref name="get"/>, <paramref name="post"/> and <paramref name="stream"/> points, with the given parts or the sample's.</summary>
    public static ResultDocument Run(
        string runId, long get, long post = 100, long stream = 10,
        IReadOnlyList<EndpointDocument>? endpoints = null, IReadOnlyList<ErrorDocument>? errors = null, DeliveryDocument? delivery = null)
    {
        var sample = SampleResults.PassingDocument();
        return sample with
        {
            RunId = runId,
            Score = get + post + stream,
            Scores = new Dictionary<string, ScoreDocument>
            {
                ["get"] = new(get, get), ["post"] = new(post / 20, post), ["stream_stroke"] = new(stream, stream),
            },
            Endpoints = endpoints ?? sample.Endpoints,
            Errors = errors ?? [],
            SseDelivery = delivery ?? sample.SseDelivery,
        };
    }

    /// <summary>An endpoint's statistics; p90 and the higher percentiles derive from p50 and p99.</summary>
    public static EndpointDocument Endpoint(string name, long count, long errors, double p50, double p99) =>
        new(name, count, errors, 0, p50, (p50 + p99) / 2, p99, p99, p99);

    /// <summary>An error seen <paramref name="count"/> times.</summary>
    public static ErrorDocument Error(string message, long count, string kind = "ordinary") =>
        new(kind, message, count, DateTimeOffset.UnixEpoch);

    /// <summary>Deliveries counted in three buckets: at most 50 ms, at most 2000 ms (the score window), and slower.</summary>
    public static DeliveryDocument Delivery(long fast, long onTime, long late, double p50 = 100) =>
        new(fast + onTime + late, p50, p50 * 2, p50 * 3, p50 * 4, p50 * 5,
            [new DeliveryBucketDocument(50, fast), new DeliveryBucketDocument(2000, onTime), new DeliveryBucketDocument(null, late)]);

    /// <summary>A side of the given runs, its label as source.</summary>
    public static ComparisonSide Side(string label, params ResultDocument[] runs) => new(label, label, runs);

    /// <summary>Writes <paramref name="document"/> as <paramref name="path"/> (folders created) and returns the path.</summary>
    public static string Write(string path, ResultDocument document)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ResultJson.Serialize(document));
        return path;
    }
}
