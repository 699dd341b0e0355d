using System.CommandLine;
using System.Diagnostics;
using IsuBench.Bench.Progress;
using IsuBench.Reference.DataSet;

namespace IsuBench.Bench.Commands;

/// <summary><c>isubench data init</c>: replaces the ISUketch tables with the generated initial data set.</summary>
internal static class DataCommand
{
    /// <summary>The <c>data</c> command and its <c>init</c> subcommand.</summary>
    public static Command Build()
    {
        var mysql = CommandOptions.MySql();
        var seed = CommandOptions.Integer("--seed", "Seed of the generator: the same seed gives the same rows.", DataSetGenerator.DefaultSeed, int.MinValue, int.MaxValue);
        var rooms = CommandOptions.Integer("--rooms", "Number of rooms (1000 is the real data set; fewer for quick tests).", DataSetGenerator.DefaultRooms, 1, 100_000);
        var init = new Command("init", "Drop and recreate the ISUketch tables and bulk-load the initial data set (docs/contract.md §1.2).") { mysql, seed, rooms };
        init.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            await LoadAsync(parseResult.GetRequiredValue(mysql), parseResult.GetValue(seed), parseResult.GetValue(rooms),
                configuration.Output, configuration.Error, cancellationToken);
            return ExitCodes.Pass;
        });
        return new Command("data", "Manage the initial data set.") { init };
    }

    /// <summary>Loads the data set, with progress on <paramref name="error"/> and the counts and time on <paramref name="output"/>.</summary>
    public static async Task<DataSetCounts> LoadAsync(
        string connectionString, int seed, int rooms, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var loader = new DataSetLoader(DataSetGenerator.WithIsuStrokes(seed, rooms));
        await error.WriteLineAsync($"loading the initial data set (seed {seed}, {rooms} rooms, {loader.Expected.Total:N0} rows)");
        var stopwatch = Stopwatch.StartNew();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = LoadProgressReporter.RunAsync(loader, error, stopProgress.Token);
        DataSetCounts counts;
        try
        {
            counts = await loader.LoadAsync(connectionString, cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await progress;
        }
        await output.WriteLineAsync(
            $"data set loaded in {stopwatch.Elapsed.TotalSeconds:F1} s: {counts.Rooms:N0} rooms, {counts.Strokes:N0} strokes, " +
            $"{counts.Points:N0} points, {counts.Tokens:N0} tokens, {counts.RoomWatchers:N0} room_watchers, {counts.RoomOwners:N0} room_owners");
        return counts;
    }
}
