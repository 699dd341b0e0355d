using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Json;

namespace IsuBench.Reference.Rendering;

/// <summary>Renders <c>/</c>: the rooms with the newest strokes as thumbnails, and a form to create a room.</summary>
public static class TopPage
{
    /// <summary>The page for <paramref name="rooms"/> in the order given, carrying <paramref name="csrfToken"/>.</summary>
    public static string Render(IReadOnlyList<Room> rooms, string csrfToken)
    {
        var props = JsonSerializer.Serialize(new[] { new TopPageProps(rooms, csrfToken) }, ApiJson.Options);
        var culture = CultureInfo.InvariantCulture;
        var body = new StringBuilder(1024 + rooms.Count * 400);
        body.Append("<main class=\"top\">\n");
        body.Append("<header class=\"site\"><h1><a href=\"/\">ISUketch</a></h1></header>\n");
        body.Append("""
            <section class="create-room">
            <h2>Create a room</h2>
            <form id="create-room-form">
            <label>Name <input name="name" required maxlength="255" autocomplete="off"></label>
            <label>Width <input name="canvas_width" type="number" required min="1" max="10000" value="1028"></label>
            <label>Height <input name="canvas_height" type="number" required min="1" max="10000" value="768"></label>
            <button type="submit">Create</button>
            <output class="form-status" aria-live="polite"></output>
            </form>
            </section>

            """);
        body.Append("<section class=\"rooms\">\n<h2>Rooms with the newest strokes</h2>\n<ul class=\"room-list\">\n");
        foreach (var room in rooms)
        {
            var id = room.Id.ToString(culture);
            var name = PageShell.Escape(room.Name);
            body.Append("<li class=\"room\" id=\"").Append(id).Append("\">");
            body.Append("<a href=\"/rooms/").Append(id).Append("\">");
            body.Append("<img src=\"/img/").Append(id).Append("\" alt=\"").Append(name).Append("\" loading=\"lazy\"")
                .Append(" width=\"").Append(room.CanvasWidth.ToString(culture)).Append('"')
                .Append(" height=\"").Append(room.CanvasHeight.ToString(culture)).Append("\">");
            body.Append("<span class=\"room-name\">").Append(name).Append("</span>");
            body.Append("</a>");
            body.Append("<span class=\"room-strokes\">Strokes: <span class=\"stroke_count\">")
                .Append(room.StrokeCount.ToString(culture)).Append("</span></span>");
            body.Append("</li>\n");
        }
        body.Append("</ul>\n</section>\n</main>\n");
        return PageShell.Render("ISUketch", csrfToken, "top", props, body.ToString());
    }

    /// <summary>The one element of <c>__ASYNC_PROPS__</c>; serialized as <c>{"rooms": [...], "csrfToken": "..."}</c>.</summary>
    private sealed record TopPageProps(
        [property: JsonPropertyName("rooms")] IReadOnlyList<Room> Rooms,
        [property: JsonPropertyName("csrfToken")] string CsrfToken);
}
