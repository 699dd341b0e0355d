using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using IsuBench.Checks.Rules;

namespace IsuBench.Integration.Mutants;

/// <summary>Mutants of the HTML pages: tokens, the rooms on <c>/</c>, <c>__ASYNC_PROPS__</c>, the room page.</summary>
public static class TopPageMutants
{
    /// <summary>Fresh instances of every page mutant.</summary>
    public static IEnumerable<Mutant> Create() =>
    [
        TokenReused(),
        Page("token-missing", TokenRules.Present.Id, html => MarkupEdits.HtmlToken().Replace(html, "", 1), anyPage: true),
        DrawnRoomNotListed(),
        EmptyRoomListed(),
        Page("too-few-images", TopPageRules.Images.Id, html =>
        {
            var last = html.LastIndexOf("<img ", StringComparison.Ordinal);
            return html[..last] + html[(html.IndexOf('>', last) + 1)..];
        }),
        Page("async-props-missing", TopPageRules.AsyncPropsPresent.Id, html => MarkupEdits.AsyncProps().Replace(html, "<script>window.props = {}</script>", 1)),
        Page("async-props-garbled", TopPageRules.AsyncPropsValid.Id, html => MarkupEdits.AsyncProps().Replace(html, "<script>__ASYNC_PROPS__ = [{\"rooms\": [</script>", 1)),
        Page("async-props-two-elements", TopPageRules.AsyncPropsOneElement.Id, html => MarkupEdits.EditProps(html, props => props.Add(props[0]!.DeepClone()))),
        Page("async-props-token-differs", TopPageRules.AsyncPropsToken.Id, html => MarkupEdits.EditProps(html, props => props[0]!["csrfToken"] = "0123456789abcdef")),
        Page("room-missing-from-props", TopPageRules.RoomInProps.Id, html => MarkupEdits.EditProps(html, props => MarkupEdits.PropsRooms(props).RemoveAt(0))),
        Page("page-stroke-count-off-by-one", TopPageRules.RoomStrokeCount.Id, html =>
            MarkupEdits.StrokeCount().Replace(html, m => $"<span class=\"stroke_count\">{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}</span>", 1)),
        Page("stroke-counts-lower-than-api", ConsistencyRules.CountNotLower.Id, html =>
        {
            var lowered = MarkupEdits.StrokeCount().Replace(html, m => $"<span class=\"stroke_count\">{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1}</span>");
            return MarkupEdits.EditProps(lowered, props =>
            {
                foreach (var room in MarkupEdits.PropsRooms(props)) room!["stroke_count"] = (int)room["stroke_count"]! - 1;
            });
        }),
        Page("page-shows-99-rooms", ConsistencyRules.PageRoomCount.Id, html =>
        {
            var last = MarkupEdits.TopPageRoom().Matches(html)[^1];
            return html.Remove(last.Index, last.Length);
        }),
        Page("page-room-id-not-numeric", ConsistencyRules.PageRoomId.Id, html => MarkupEdits.TopPageRoom().Replace(html, m => m.Value.Replace($"id=\"{m.Groups[1].Value}\"", $"id=\"room-{m.Groups[1].Value}\""), 1)),
        Page("page-stroke-count-not-numeric", ConsistencyRules.PageStrokeCount.Id, html => MarkupEdits.StrokeCount().Replace(html, "<span class=\"stroke_count\">many</span>", 1)),
        Page("page-shows-other-rooms", ConsistencyRules.MissingRooms.Id, html =>
        {
            var moved = MarkupEdits.TopPageRoom().Replace(html, m => m.Value.Replace($"id=\"{m.Groups[1].Value}\"", $"id=\"{long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1_000_000}\""));
            return MarkupEdits.EditProps(moved, props =>
            {
                foreach (var room in MarkupEdits.PropsRooms(props)) room!["id"] = (long)room["id"]! + 1_000_000;
            });
        }),
        Page("react-checksum-wrong", TopPageRules.ReactChecksumMatches.Id, html => html.Replace("<main class=\"top\">", "<main class=\"top\" data-react-checksum=\"12345\">")),
        new()
        {
            Name = "room-page-missing-polyline",
            Breaks = ConsistencyRules.RoomPagePolylines.Id,
            Response = r =>
            {
                if (r.Is("GET", "/rooms/") && r.Status == 200) r.Text = MarkupEdits.EditNewestPolyline(r.Text, _ => "");
            },
        },
    ];

    private static Mutant Page(string name, string rule, Func<string, string> edit, bool anyPage = false) => new()
    {
        Name = name,
        Breaks = rule,
        Response = r =>
        {
            if (r.Status == 200 && (r.IsGet("/") || (anyPage && r.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true))) r.Text = edit(r.Text);
        },
    };

    // Every page carries the first token the proxy saw, in the attribute and in the props alike.
    private static Mutant TokenReused()
    {
        string? first = null;
        var gate = new Lock();
        return new()
        {
            Name = "token-reused",
            Breaks = TokenRules.Refreshed.Id,
            Response = r =>
            {
                if (r.Status != 200 || r.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true) return;
                var html = r.Text;
                var token = MarkupEdits.HtmlToken().Match(html).Groups[1].Value;
                lock (gate) first ??= token;
                r.Text = html.Replace(token, first);
            },
        };
    }

    // The rooms drawn in through this proxy vanish from the top page (a stale cache).
    private static Mutant DrawnRoomNotListed()
    {
        var drawn = new ConcurrentDictionary<string, bool>();
        return new()
        {
            Name = "drawn-room-not-listed",
            Breaks = TopPageRules.ListsDrawnRoom.Id,
            Response = r =>
            {
                if (r.Is("POST", "/api/strokes/rooms/") && r.Status == 200) drawn[r.Path["/api/strokes/rooms/".Length..]] = true;
                if (r.IsGet("/") && r.Status == 200)
                    r.Text = MarkupEdits.TopPageRoom().Replace(r.Text, m => drawn.ContainsKey(m.Groups[1].Value) ? "" : m.Value);
            },
        };
    }

    // The rooms created through this proxy show on the top page before anyone drew in them.
    private static Mutant EmptyRoomListed()
    {
        var created = new ConcurrentDictionary<string, bool>();
        return new()
        {
            Name = "empty-room-listed",
            Breaks = TopPageRules.HidesEmptyRoom.Id,
            Response = r =>
            {
                if (r.Is("POST", "/api/rooms") && r.Status == 200)
                    created[((long)JsonNode.Parse(r.Text)!["room"]!["id"]!).ToString(CultureInfo.InvariantCulture)] = true;
                if (r.Is("POST", "/api/strokes/rooms/") && r.Status == 200) created.TryRemove(r.Path["/api/strokes/rooms/".Length..], out _);
                if (!r.IsGet("/") || r.Status != 200) return;
                var injected = string.Concat(created.Keys.Select(id =>
                    $"<li class=\"room\" id=\"{id}\"><a href=\"/rooms/{id}\"><img src=\"/img/{id}\"></a><span class=\"stroke_count\">0</span></li>\n"));
                var list = r.Text.IndexOf("<ul class=\"room-list\">\n", StringComparison.Ordinal) + "<ul class=\"room-list\">\n".Length;
                r.Text = r.Text.Insert(list, injected);
            },
        };
    }
}
