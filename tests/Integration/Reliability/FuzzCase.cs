using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Reliability;

/// <summary>How a fuzz request travels.</summary>
public enum FuzzTransport
{
    /// <summary>HttpClient, well-framed.</summary>
    Client,
    /// <summary>A bare socket, head and body as given.</summary>
    Raw,
    /// <summary>A bare socket sending the body one byte at a time.</summary>
    Trickle,
    /// <summary>A bare socket that sends part of the declared body and shuts its sending side.</summary>
    Truncated,
    /// <summary>A bare socket that sends part of the declared body and then nothing.</summary>
    Stalled,
    /// <summary>A bare socket sending <see cref="FuzzCase.RawRequest"/> verbatim (broken framing).</summary>
    Bytes,
}

/// <summary>What the server must answer.</summary>
public enum FuzzExpectation
{
    /// <summary>A valid request: 2xx, and its writes are counted.</summary>
    Accepted,
    /// <summary>A 4xx with a JSON <c>{"error": ...}</c> body and <see cref="FuzzCase.Status"/>.</summary>
    Rejected,
    /// <summary>
    /// Refused by the HTTP layer before the application: any 4xx (Kestrel writes no JSON there), or exactly
    /// <see cref="FuzzCase.Status"/> when HTTP prescribes it (505 for an unknown protocol version).
    /// </summary>
    RejectedByProtocol,
    /// <summary>A client that half-closed mid-body has gone as far as the server can tell: no answer, or a 4xx; never a write.</summary>
    DroppedOrRejected,
    /// <summary>The HTML 404 page of an unknown room.</summary>
    PageNotFound,
    /// <summary>A 200 event stream holding one <c>bad_request</c> event and then ending.</summary>
    StreamRefused,
}

/// <summary>One generated request and the answer it must get.</summary>
public sealed record FuzzCase(int Index, string Family, string Method, string Path, FuzzExpectation Expect, int Status)
{
    /// <summary>The body bytes, if any.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type of the body (null: none).</summary>
    public string? ContentType { get; init; } = "application/json";

    /// <summary>Extra headers (the token among them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>How the request travels.</summary>
    public FuzzTransport Transport { get; init; } = FuzzTransport.Client;

    /// <summary>The whole request for <see cref="FuzzTransport.Bytes"/>.</summary>
    public byte[]? RawRequest { get; init; }

    /// <summary>The rows an accepted request adds.</summary>
    public TableCounts Writes { get; init; } = RowChanges.None;

    /// <summary>For an accepted room: the name that must be stored exactly.</summary>
    public string? RoomName { get; init; }

    /// <summary>For an accepted stroke: how many points must be stored.</summary>
    public int? PointCount { get; init; }

    /// <summary>One line for failure messages.</summary>
    public override string ToString()
    {
        var body = Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 120));
        return $"#{Index} {Family} ({Transport}) {Method} {(Path.Length > 100 ? Path[..100] + "…" : Path)} {body}";
    }
}
