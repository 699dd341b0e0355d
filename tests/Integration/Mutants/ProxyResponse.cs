using System.Text;

namespace IsuBench.Integration.Mutants;

/// <summary>A buffered response on its way back through the proxy, for a mutant to alter.</summary>
public sealed class ProxyResponse(string method, string path, int status, string? contentType, byte[] body)
{
    /// <summary>The request's method.</summary>
    public string Method { get; } = method;

    /// <summary>The request's path (no query).</summary>
    public string Path { get; } = path;

    /// <summary>The status sent back.</summary>
    public int Status { get; set; } = status;

    /// <summary>The Content-Type sent back.</summary>
    public string? ContentType { get; set; } = contentType;

    /// <summary>The body sent back.</summary>
    public byte[] Body { get; set; } = body;

    /// <summary>The body as UTF-8 text; setting it replaces the body.</summary>
    public string Text
    {
        get => Encoding.UTF8.GetString(Body);
        set => Body = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>True for a GET of exactly <paramref name="path"/>.</summary>
    public bool IsGet(string path) => Method == "GET" && Path == path;

    /// <summary>True for a request of <paramref name="method"/> whose path starts with <paramref name="prefix"/>.</summary>
    public bool Is(string method, string prefix) => Method == method && Path.StartsWith(prefix, StringComparison.Ordinal);
}
