namespace IsuBench.Checks.Documents;

/// <summary>The element carrying <c>data-react-checksum</c>: the attribute's value and the element's inner HTML as parsed.</summary>
public sealed record ReactRoot(string Checksum, string InnerHtml);
