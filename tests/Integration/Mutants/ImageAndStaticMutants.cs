using IsuBench.Checks.Rules;

namespace IsuBench.Integration.Mutants;

/// <summary>Mutants of the room images <c>/img/{id}</c> and the static files.</summary>
public static class ImageAndStaticMutants
{
    /// <summary>Fresh instances of every image and static-file mutant.</summary>
    public static IEnumerable<Mutant> Create() =>
    [
        Image("svg-missing-newest-stroke", SvgRules.StrokePresent.Id, svg => MarkupEdits.EditNewestPolyline(svg, _ => "")),
        Image("svg-point-moved", SvgRules.PointValues.Id, svg => MarkupEdits.EditNewestPolyline(svg, p => MarkupEdits.MoveFirstPoint(p, 0.2))),
        Image("svg-point-dropped", SvgRules.PointCount.Id, svg => MarkupEdits.EditNewestPolyline(svg, MarkupEdits.DropLastPoint)),
        Image("svg-not-xml", SvgRules.Parse.Id, svg => svg[..(svg.Length / 2)]),
        new()
        {
            Name = "static-file-byte-changed",
            Breaks = StaticFileRules.Hash.Id,
            Response = r =>
            {
                if (r.IsGet("/bundle.js") && r.Body.Length > 0) r.Body[0] ^= 0x20;
            },
        },
        new()
        {
            Name = "static-file-missing",
            Breaks = StaticFileRules.Hash.Id,
            Response = r =>
            {
                if (!r.IsGet("/css/sanitize.css")) return;
                r.Status = 404;
                r.ContentType = "text/plain";
                r.Text = "not found";
            },
        },
    ];

    private static Mutant Image(string name, string rule, Func<string, string> edit) => new()
    {
        Name = name,
        Breaks = rule,
        Response = r =>
        {
            if (r.Is("GET", "/img/") && r.Status == 200) r.Text = edit(r.Text);
        },
    };
}
