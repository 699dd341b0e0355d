using Spectre.Console;
using Spectre.Console.Rendering;

namespace IsuBench.Bench.Progress;

/// <summary>Progress for a terminal: a live Spectre.Console panel on standard error, refreshed a few times a second.</summary>
internal static class LiveProgress
{
    /// <summary>
    /// Shows the panel of what <paramref name="sample"/> returns until <paramref name="cancellationToken"/> is cancelled, leaving the
    /// last state on screen.
    /// </summary>
    public static async Task RunAsync(Func<ProgressSnapshot> sample, TextWriter terminal, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var snapshot = sample();
        await console.Live(Render(snapshot)).AutoClear(false).StartAsync(async context =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    context.UpdateTarget(Render(sample()));
                    context.Refresh();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            context.UpdateTarget(Render(sample()));
            context.Refresh();
        });
    }

    private static IRenderable Render(ProgressSnapshot s)
    {
        var grid = new Grid().AddColumn().AddColumn().AddColumn().AddColumn().AddColumn().AddColumn();
        grid.AddRow("[bold]phase[/]", "[bold]elapsed[/]", "[bold]score[/]", "[bold]req/s[/]", "[bold]watchers[/]", "[bold]errors[/]");
        grid.AddRow(
            Markup.Escape(s.PhaseName), Markup.Escape(s.ElapsedText), $"[green]{s.Score}[/]", $"{s.RequestsPerSecond:F1}",
            s.Watchers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s.Errors > 0 ? $"[red]{s.Errors}[/]" : "0");
        IRenderable body = grid;
        if (s.Total is { } total && total > TimeSpan.Zero)
        {
            double fraction = Math.Clamp(s.Elapsed / total, 0, 1);
            int filled = (int)Math.Round(fraction * 40);
            body = new Rows(grid, new Markup($"[blue]{new string('█', filled)}[/]{new string('░', 40 - filled)} {fraction * 100:F0} %"));
        }
        return new Panel(body) { Header = new PanelHeader(Markup.Escape(s.Heading)), Border = BoxBorder.Rounded };
    }
}
