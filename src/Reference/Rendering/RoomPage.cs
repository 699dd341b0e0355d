using System.Globalization;
using System.Text;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Rendering;

/// <summary>Renders <c>/rooms/{id}</c>: the drawing page, whose canvas is an inline SVG holding every stroke.</summary>
public static class RoomPage
{
    /// <summary>The page for <paramref name="room"/> (with its strokes), carrying <paramref name="csrfToken"/>.</summary>
    public static string Render(Room room, string csrfToken)
    {
        var culture = CultureInfo.InvariantCulture;
        var id = room.Id.ToString(culture);
        var name = PageShell.Escape(room.Name);
        var body = new StringBuilder(2048 + room.Strokes.Count * 512);
        body.Append("<main class=\"room-page\" data-room-id=\"").Append(id).Append("\">\n");
        body.Append("<header class=\"site\"><a href=\"/\">ISUketch</a><h1>").Append(name).Append("</h1>");
        body.Append("<p class=\"watchers\"><span class=\"watcher_count\">")
            .Append(room.WatcherCount.ToString(culture)).Append("</span> watching</p></header>\n");
        body.Append("""
            <div class="toolbar">
            <label>Width <input id="stroke-width" type="range" min="1" max="50" value="10"><output id="stroke-width-value">10</output></label>
            <div class="rc-color-picker" role="group" aria-label="Colour">
            <button type="button" class="rc-color-picker-swatch" data-colour="#e24a33" style="background:#e24a33" aria-label="red"></button>
            <button type="button" class="rc-color-picker-swatch" data-colour="#348abd" style="background:#348abd" aria-label="blue"></button>
            <button type="button" class="rc-color-picker-swatch" data-colour="#4caf50" style="background:#4caf50" aria-label="green"></button>
            <button type="button" class="rc-color-picker-swatch" data-colour="#fbc15e" style="background:#fbc15e" aria-label="yellow"></button>
            <button type="button" class="rc-color-picker-swatch" data-colour="#222222" style="background:#222222" aria-label="black"></button>
            <input id="stroke-colour" class="rc-color-picker-input" type="color" value="#222222" aria-label="any colour">
            <label class="rc-color-picker-alpha">Opacity <input id="stroke-alpha" type="range" min="0.1" max="1" step="0.1" value="0.8"></label>
            </div>
            <output class="draw-status" aria-live="polite"></output>
            </div>

            """);
        // touch-action: none lets pointer events carry touch drawing instead of scrolling the page.
        StrokeMarkup.AppendCanvas(body, room, " id=\"canvas\" class=\"canvas\"", "touch-action:none;background-color:white");
        body.Append("</main>\n");
        return PageShell.Render(room.Name + " - ISUketch", csrfToken, "room", asyncPropsJson: null, body.ToString());
    }
}
