namespace IsuBench.Reference.Rendering;

/// <summary>Renders the small HTML page answered with 404 for an unknown room.</summary>
internal static class NotFoundPage
{
    /// <summary>A page saying <paramref name="message"/>, with a link back to the top page.</summary>
    public static string Render(string message) =>
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>Not found - ISUketch</title>\n" +
        "<link rel=\"stylesheet\" href=\"/css/sanitize.css\">\n</head>\n<body>\n<main class=\"not-found\">\n<h1>Not found</h1>\n<p>" +
        PageShell.Escape(message) + "</p>\n<p><a href=\"/\">Back to ISUketch</a></p>\n</main>\n</body>\n</html>\n";
}
