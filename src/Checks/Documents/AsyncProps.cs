using System.Text.Json;
using IsuBench.Checks.Documents.Api;

namespace IsuBench.Checks.Documents;

/// <summary>The top page's embedded <c>__ASYNC_PROPS__ = [{"rooms": [...], "csrfToken": "..."}]</c>, read from the first body script.</summary>
/// <param name="ElementCount">How many elements the array held (the rule wants exactly one).</param>
/// <param name="Rooms">The first element's rooms (id and stroke_count of each).</param>
/// <param name="CsrfToken">The first element's <c>csrfToken</c>, empty when absent.</param>
internal sealed record AsyncProps(int ElementCount, IReadOnlyList<AsyncPropsRoom> Rooms, string CsrfToken)
{
    /// <summary>The text that starts the script.</summary>
    public const string Prefix = "__ASYNC_PROPS__ = ";

    /// <summary>Reads the script text; <see cref="AsyncPropsStatus.Missing"/> when it does not start with the prefix, <see cref="AsyncPropsStatus.Invalid"/> when the rest is not the expected JSON.</summary>
    public static AsyncPropsStatus TryParse(string? script, out AsyncProps? props, out string? problem)
    {
        props = null;
        problem = null;
        var text = script?.TrimStart() ?? "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = script is null ? "no <script> in <body>" : "the first <script> in <body> does not start with \"__ASYNC_PROPS__ = \"";
            return AsyncPropsStatus.Missing;
        }
        // A trailing semicolon is valid JavaScript; tolerate it.
        var json = text[Prefix.Length..].TrimEnd().TrimEnd(';');
        // Read as the original did: an array of objects whose absent fields are zero values (an absent token is "").
        var read = ApiDocuments.Read(json, (fields, root) =>
        {
            if (root.ValueKind != JsonValueKind.Array) throw new ShapeException($"$ must be an array, got {root.ValueKind.ToString().ToLowerInvariant()}");
            var count = root.GetArrayLength();
            if (count == 0) return new AsyncProps(0, [], "");
            var rooms = fields.Array(root[0], "rooms", "$[0]", (room, path) =>
                new AsyncPropsRoom(fields.Long(room, "id", path), fields.Int(room, "stroke_count", path)));
            return new AsyncProps(count, rooms, fields.String(root[0], "csrfToken", "$[0]"));
        });
        if (!read.Ok)
        {
            problem = read.Problem;
            return AsyncPropsStatus.Invalid;
        }
        props = read.Value;
        return AsyncPropsStatus.Present;
    }
}

/// <summary>One room of <see cref="AsyncProps"/>: the fields the top-page rules compare.</summary>
internal sealed record AsyncPropsRoom(long Id, int StrokeCount);

/// <summary>Whether the page's props were found and readable.</summary>
public enum AsyncPropsStatus
{
    /// <summary>Found and read.</summary>
    Present,

    /// <summary>The first body script does not hold them.</summary>
    Missing,

    /// <summary>Found but not the expected JSON.</summary>
    Invalid,
}
