using System.Security.Cryptography;

namespace IsuBench.Checks.Documents;

/// <summary>The MD5 of a static file's bytes, as lower-case hex (how the original benchmark named its expected files).</summary>
internal static class StaticFileHash
{
    /// <summary>Lower-case hex MD5 of <paramref name="content"/>.</summary>
    public static string Md5Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(MD5.HashData(content));
}
