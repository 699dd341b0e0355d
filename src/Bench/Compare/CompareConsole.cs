using IsuBench.Bench.Figures;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IsuBench.Bench.Compare;

/// <summary>The comparison as Spectre.Console tables: coloured changes on a terminal, plain text when the output is not one.</summary>
internal static class CompareConsole
{
    /// <summary>The line width when the output is not a terminal: wide enough that the endpoint table does not wrap.</summary>
    public const int PlainWidth = 160;

    /// <summary>True when <paramref name="output"/> is the process's standard output and that is a terminal, the only case for colours (as live progress).</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Writes the tables of <paramref name="comparison"/> to <paramref name="output"/>.</summary>
    public static void Write(RunComparison comparison, TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = PlainWidth;

        console.Write(Headline(comparison));
        console.Write(new Text($"{FigureText.HeadlineLegend(comparison)}\n\n"));
        console.Write(new Text($"{FigureText.Legend(comparison)}\n"));
        console.Write(Sides(comparison));
        console.Write(Scores(comparison));
        console.Write(Endpoints(comparison));
        console.Write(Delivery(comparison));
        var oneSided = comparison.OneSidedErrors.ToList();
        if (oneSided.Count > 0) console.Write(Errors(comparison, oneSided));
        int shared = comparison.Errors.Count - oneSided.Count;
        console.Write(new Text(
            (oneSided.Count == 0 ? "No error is on some sides only. " : "") +
            shared switch
            {
                0 => "No error occurs on every side.\n",
                1 => "1 error message occurs on every side (compare.md lists it).\n",
                _ => $"{shared} error messages occur on every side (compare.md lists them).\n",
            }));
        foreach (string note in comparison.Notes) console.Write(new Text($"note: {note}\n"));
    }

    private static Table Headline(RunComparison comparison)
    {
        var table = Titled("Headline", 1, [$"ratio to {comparison.Sides[0].Label}", .. comparison.Sides.Skip(1).Select(s => s.Label)]);
        foreach (var figure in comparison.Headline)
            table.AddRow([Plain(figure.Name), .. Enumerable.Range(1, comparison.Sides.Count - 1).Select(i => Coloured(FigureText.Ratio(figure, i), figure, i))]);
        return table;
    }

    private static Table Sides(RunComparison comparison)
    {
        var table = Titled("Sides", 2, "side", "source", "runs", "passed");
        foreach (var side in comparison.Sides)
            table.AddRow(Plain(side.Label), Plain(side.Source), Plain(side.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), Plain(FigureText.Passed(side)));
        return table;
    }

    private static Table Scores(RunComparison comparison)
    {
        var headers = comparison.SeveralRuns
            ? new[] { "kind", "side", "points", "min–max", "CV", "change" }
            : ["kind", "side", "points", "change"];
        var table = Titled("Score", 2, headers);
        foreach (var figure in comparison.Scores)
            for (int i = 0; i < comparison.Sides.Count; i++)
            {
                var side = figure.Sides[i];
                var cells = new List<IRenderable> { Plain(i == 0 ? figure.Name : ""), Plain(comparison.Sides[i].Label), Plain(FigureText.Median(side)) };
                if (comparison.SeveralRuns) cells.AddRange([Plain(FigureText.Range(side)), Plain(FigureText.Variation(side))]);
                cells.Add(Change(figure, i));
                table.AddRow(cells);
            }
        return table;
    }

    private static Table Endpoints(RunComparison comparison)
    {
        var table = Titled("Endpoints", 2, "endpoint", "side", "requests", "change", "errors", "change", "p50 ms", "change", "p99 ms", "change");
        foreach (var endpoint in comparison.Endpoints)
            for (int i = 0; i < comparison.Sides.Count; i++)
            {
                var cells = new List<IRenderable> { Plain(i == 0 ? endpoint.Endpoint : ""), Plain(comparison.Sides[i].Label) };
                foreach (var figure in new[] { endpoint.Requests, endpoint.Errors, endpoint.P50Ms, endpoint.P99Ms })
                    cells.AddRange([Plain(FigureText.Median(figure.Sides[i])), Change(figure, i)]);
                table.AddRow(cells);
            }
        return table;
    }

    private static Table Delivery(RunComparison comparison)
    {
        var headers = new List<string> { "SSE delivery" };
        for (int i = 0; i < comparison.Sides.Count; i++)
        {
            headers.Add(comparison.Sides[i].Label);
            if (i > 0) headers.Add("change");
        }
        var table = Titled("SSE delivery (histogram rows: % of deliveries)", 1, [.. headers]);
        foreach (var figure in comparison.Delivery.Figures.Concat(comparison.Delivery.Buckets))
        {
            var cells = new List<IRenderable> { Plain(figure.Name) };
            for (int i = 0; i < comparison.Sides.Count; i++)
            {
                cells.Add(Plain(FigureText.Median(figure.Sides[i])));
                if (i > 0) cells.Add(Change(figure, i));
            }
            table.AddRow(cells);
        }
        return table;
    }

    private static Table Errors(RunComparison comparison, IReadOnlyList<ErrorComparison> errors)
    {
        var table = Titled("Errors on some sides only", 2, ["kind", "message", .. comparison.Sides.Select(s => s.Label)]);
        foreach (var error in errors)
            table.AddRow([Plain(error.Kind), Plain(error.Message), .. error.Sides.Select((tally, i) => Plain(FigureText.Tally(tally, comparison.Sides[i])))]);
        return table;
    }

    // The first textColumns columns hold names; the rest hold numbers, right-aligned.
    private static Table Titled(string title, int textColumns, params string[] headers)
    {
        var table = new Table { Title = new TableTitle(title, new Style(decoration: Decoration.Bold)), Border = TableBorder.Rounded };
        for (int i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Bold)));
            table.AddColumn(i < textColumns ? column : column.RightAligned());
        }
        return table;
    }

    private static Text Plain(string text) => new(text);

    private static Text Change(ComparedFigure figure, int index) => Coloured(FigureText.Change(figure, index), figure, index);

    // Green or red only for a change beyond the runs' spread.
    private static Text Coloured(string text, ComparedFigure figure, int index) => new(text, figure.Direction(index) switch
    {
        ChangeDirection.Better => new Style(Color.Green),
        ChangeDirection.Worse => new Style(Color.Red),
        _ => Style.Plain,
    });
}
