namespace IsuBench.Checks.FrontEnds;

/// <summary>What the checks expect of a front end: React markers and the static files' MD5s.</summary>
/// <param name="Name">The front end's name on the command line (<c>--front-end</c>).</param>
/// <param name="RequiredReactIdCount">The exact number of <c>data-reactid</c> elements on <c>/</c>, or null to skip the count.</param>
/// <param name="ChecksumRequired">Whether <c>/</c> must carry <c>data-react-checksum</c>; when false it is verified only where present.</param>
/// <param name="ExpectedHashes">Expected lower-case hex MD5 by static file path; files not listed are not hash-checked.</param>
public sealed record FrontEnd(
    string Name,
    int? RequiredReactIdCount,
    bool ChecksumRequired,
    IReadOnlyDictionary<string, string> ExpectedHashes);
