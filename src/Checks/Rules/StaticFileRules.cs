using IsuBench.Checks.Documents;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about the static files: each one's MD5 as the front end expects.</summary>
public static class StaticFileRules
{
    /// <summary>The file answers 200 and its MD5 equals the front end's (files the front end does not list only need 200).</summary>
    public static readonly Rule Hash = new("static.hash", "A static file is not correct", true);

    /// <summary>Checks the file at <paramref name="path"/> against <paramref name="frontEnd"/>'s expected hash.</summary>
    public static Verdict HashMatches(string path, int status, ReadOnlySpan<byte> content, FrontEnd frontEnd, string request) =>
        Md5Matches(path, status, StaticFileHash.Md5Hex(content), content.Length, frontEnd, request);

    /// <summary>As <see cref="HashMatches"/>, given the MD5 (lower-case hex) and length of the content rather than the content.</summary>
    public static Verdict Md5Matches(string path, int status, string md5, long length, FrontEnd frontEnd, string request)
    {
        if (status != 200) return Hash.Fail(request, $"{path} with status 200", $"status {status}");
        if (!frontEnd.ExpectedHashes.TryGetValue(path, out var expected)) return Hash.Pass(request);
        return Hash.Check(md5 == expected, request, $"{path} with md5 {expected}", $"md5 {md5} ({length} bytes)");
    }
}
