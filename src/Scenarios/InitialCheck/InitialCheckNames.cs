namespace IsuBench.Scenarios.InitialCheck;

/// <summary>The names of the checks of the initial check, in the order the sequence runs them (the watcher check runs beside it).</summary>
internal static class InitialCheckNames
{
    /// <summary>Step 1: two pages get different CSRF tokens.</summary>
    public const string TokenRefresh = "token-refresh";

    /// <summary>Step 2: a new room and its strokes show on the top page, in the API and in the SVG.</summary>
    public const string StrokeReflection = "stroke-reflection";

    /// <summary>Step 3: a room without strokes is not on the top page.</summary>
    public const string EmptyRoomHidden = "empty-room-hidden";

    /// <summary>Step 4: only the owner may draw a room's first stroke.</summary>
    public const string FirstStrokeOwner = "first-stroke-owner";

    /// <summary>Step 5: the top page's images, props and room counts.</summary>
    public const string TopPageContent = "top-page-content";

    /// <summary>Step 6: the API and the HTML agree.</summary>
    public const string ApiHtmlConsistency = "api-html-consistency";

    /// <summary>Step 7: the static files' hashes.</summary>
    public const string StaticFiles = "static-files";

    /// <summary>(b): watcher counts and stroke history over SSE, beside the sequence.</summary>
    public const string WatcherCount = "watcher-count";

    /// <summary>Every name, sequence first.</summary>
    public static readonly IReadOnlyList<string> All =
        [TokenRefresh, StrokeReflection, EmptyRoomHidden, FirstStrokeOwner, TopPageContent, ApiHtmlConsistency, StaticFiles, WatcherCount];
}
