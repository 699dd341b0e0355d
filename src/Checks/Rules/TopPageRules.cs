using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about the top page <c>/</c>: which rooms it lists and what its markup holds.</summary>
public static class TopPageRules
{
    /// <summary>The least number of images the top page must show.</summary>
    public const int MinimumImages = 100;

    /// <summary>A room just drawn in is listed as <c>&lt;img src="/img/&lt;room&gt;"&gt;</c>.</summary>
    public static readonly Rule ListsDrawnRoom = new("top.lists-drawn-room", "The posted stroke is not reflected on the top page", true);

    /// <summary>A room without strokes is not listed.</summary>
    public static readonly Rule HidesEmptyRoom = new("top.hides-empty-room", "A room without strokes is shown on the top page", true);

    /// <summary>At least 100 images.</summary>
    public static readonly Rule Images = new("top.images", "Too few images on the top page", true);

    /// <summary>Front end: the exact number of <c>data-reactid</c> elements.</summary>
    public static readonly Rule ReactIdCount = new("top.react-id-count", "The top page content is wrong (the number of data-reactid elements differs)", true);

    /// <summary>Front end: the <c>data-react-checksum</c> matches React's Adler-32 of the root markup.</summary>
    public static readonly Rule ReactChecksumMatches = new("top.react-checksum", "The top page content is wrong (data-react-checksum is missing or does not match)", true);

    /// <summary>The first body script starts with <c>__ASYNC_PROPS__ = </c>.</summary>
    public static readonly Rule AsyncPropsPresent = new("top.async-props.present", "__ASYNC_PROPS__ is missing", true);

    /// <summary>The props are a JSON array whose first element has rooms (id, stroke_count) and a string csrfToken.</summary>
    public static readonly Rule AsyncPropsValid = new("top.async-props.valid", "__ASYNC_PROPS__ is not valid", true);

    /// <summary>The props array holds exactly one element.</summary>
    public static readonly Rule AsyncPropsOneElement = new("top.async-props.one-element", "__ASYNC_PROPS__ does not hold exactly one element", true);

    /// <summary>The props' csrfToken equals <c>&lt;html data-csrf-token&gt;</c>.</summary>
    public static readonly Rule AsyncPropsToken = new("top.async-props.token", "__ASYNC_PROPS__'s csrfToken differs from the page's data-csrf-token", true);

    /// <summary>Every <c>.room</c> has an id.</summary>
    public static readonly Rule RoomHasId = new("top.room.id", "A room on the top page has no id", true);

    /// <summary>Every <c>.room</c> id is among the props' rooms.</summary>
    public static readonly Rule RoomInProps = new("top.room.in-props", "A room on the top page is missing from __ASYNC_PROPS__", true);

    /// <summary>Every <c>.room</c>'s <c>.stroke_count</c> text equals the props' stroke_count.</summary>
    public static readonly Rule RoomStrokeCount = new("top.room.stroke-count", "A room's stroke_count on the top page differs from __ASYNC_PROPS__", true);

    /// <summary>The page lists <c>/img/&lt;roomId&gt;</c> after a stroke was drawn in the room.</summary>
    public static Verdict ListsRoomImage(HtmlDocument page, long roomId, string request)
    {
        var src = ImagePath(roomId);
        var images = page.ImageSources;
        return ListsDrawnRoom.Check(images.Contains(src), request, $"<img src=\"{src}\">", $"{images.Count} images: {string.Join(" ", images.Take(5))}");
    }

    /// <summary>The page does not list <c>/img/&lt;roomId&gt;</c> for a room without strokes.</summary>
    public static Verdict DoesNotListRoomImage(HtmlDocument page, long roomId, string request)
    {
        var src = ImagePath(roomId);
        return HidesEmptyRoom.Check(!page.ImageSources.Contains(src), request, $"no <img src=\"{src}\">", $"<img src=\"{src}\"> is present");
    }

    /// <summary>
    /// The content check of the initial sequence: images, the front end's React markers, then <c>__ASYNC_PROPS__</c> and the rooms
    /// against it. One verdict per rule evaluated; later props rules are skipped once an earlier one fails.
    /// </summary>
    public static IReadOnlyList<Verdict> Content(HtmlDocument page, FrontEnd frontEnd, string request)
    {
        var verdicts = new List<Verdict>();
        var images = page.ImageSources.Count;
        verdicts.Add(Images.Check(images >= MinimumImages, request, $"at least {MinimumImages} images", $"{images} images"));

        if (frontEnd.RequiredReactIdCount is { } required)
        {
            var count = page.ReactIdCount;
            verdicts.Add(ReactIdCount.Check(count == required, request, $"{required} elements with data-reactid", $"{count}"));
        }
        if (page.ReactRoot is { } root)
        {
            var computed = ReactChecksum.ForRoot(root.InnerHtml);
            verdicts.Add(ReactChecksumMatches.Check(root.Checksum == computed, request, $"data-react-checksum=\"{computed}\"", $"data-react-checksum=\"{root.Checksum}\""));
        }
        else if (frontEnd.ChecksumRequired)
        {
            verdicts.Add(ReactChecksumMatches.Fail(request, "an element with data-react-checksum", "none"));
        }

        verdicts.AddRange(AsyncPropsRules(page, request));
        return verdicts;
    }

    private static IEnumerable<Verdict> AsyncPropsRules(HtmlDocument page, string request)
    {
        var status = AsyncProps.TryParse(page.FirstBodyScript, out var props, out var problem);
        if (status == AsyncPropsStatus.Missing)
        {
            yield return AsyncPropsPresent.Fail(request, $"<body><script>{AsyncProps.Prefix}[...]", $"{problem}: {page.FirstBodyScript}");
            yield break;
        }
        yield return AsyncPropsPresent.Pass(request);
        if (status == AsyncPropsStatus.Invalid)
        {
            yield return AsyncPropsValid.Fail(request, "[{\"rooms\": [...], \"csrfToken\": \"...\"}]", problem ?? "");
            yield break;
        }
        yield return AsyncPropsValid.Pass(request);
        var one = AsyncPropsOneElement.Check(props!.ElementCount == 1, request, "1 element", $"{props.ElementCount} elements");
        yield return one;
        if (!one.Passed) yield break;
        // As the original: a missing attribute or csrfToken reads as "", so the two are compared as texts.
        var token = AsyncPropsToken.Check(props.CsrfToken == (page.CsrfToken ?? ""), request,
            $"csrfToken \"{page.CsrfToken}\"", props.CsrfToken.Length == 0 ? "no csrfToken" : $"csrfToken \"{props.CsrfToken}\"");
        yield return token;
        if (!token.Passed) yield break;

        var byId = new Dictionary<string, AsyncPropsRoom>(StringComparer.Ordinal);
        foreach (var room in props.Rooms) byId.TryAdd(room.Id.ToString(CultureInfo.InvariantCulture), room);
        var rooms = page.Rooms;
        yield return FirstOffender(RoomHasId, rooms, r => r.Id is not null, request, "every .room with an id", _ => "a .room without id");
        var withIds = rooms.Where(r => r.Id is not null).ToList();
        yield return FirstOffender(RoomInProps, withIds, r => byId.ContainsKey(r.Id!), request,
            "every .room id among __ASYNC_PROPS__ rooms", r => $"room \"{r.Id}\" not in __ASYNC_PROPS__");
        var inProps = withIds.Where(r => byId.ContainsKey(r.Id!)).ToList();
        yield return FirstOffender(RoomStrokeCount, inProps,
            r => r.StrokeCountText == byId[r.Id!].StrokeCount.ToString(CultureInfo.InvariantCulture), request,
            "every .stroke_count equal to __ASYNC_PROPS__", r => $"room {r.Id}: page \"{r.StrokeCountText}\", props {byId[r.Id!].StrokeCount}");
    }

    /// <summary>One verdict for a per-item rule: passes when all items hold, else names the first offender and how many there were.</summary>
    internal static Verdict FirstOffender<T>(Rule rule, IReadOnlyList<T> items, Func<T, bool> holds, string request, string expected, Func<T, string> describe)
    {
        var offenders = items.Where(i => !holds(i)).ToList();
        return offenders.Count == 0
            ? rule.Pass(request)
            : rule.Fail(request, expected, $"{describe(offenders[0])} ({offenders.Count} of {items.Count})");
    }

    /// <summary>The image path of a room as the top page links it.</summary>
    public static string ImagePath(long roomId) => "/img/" + roomId.ToString(CultureInfo.InvariantCulture);
}
