namespace IsuBench.Checks.Documents;

/// <summary>The element carrying <c>data-react-checksum</c>: the attribute's value and its inner HTML written back as React 15 wrote it.</summary>
public sealed record ReactRoot(string Checksum, string InnerHtml);
