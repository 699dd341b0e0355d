using System.CommandLine;
using System.Globalization;
using IsuBench.Bench.Cost;
using IsuBench.Bench.Gate;
using IsuBench.Bench.LocalStack;
using IsuBench.Bench.Repeat;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Telemetry;
using IsuBench.Reference.DataSet;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench demo</c>: everything on one machine: a private MariaDB, the full initial data set, the reference
/// server, and a full benchmark run against it; prints where the report is, then stops the server and MariaDB.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The default folder of the demo's MariaDB.</summary>
    public const string DefaultDirectory = ".local/demo-db";

    /// <summary>The <c>demo</c> command.</summary>
    public static Command Build()
    {
        var dir = CommandOptions.Directory("Folder for the demo's MariaDB (data, socket, log).", DefaultDirectory);
        var dbPort = CommandOptions.Integer("--db-port", "MariaDB's TCP port on 127.0.0.1 (0 picks a free one).", 0, 0, 65535);
        var port = CommandOptions.Port("The reference server's HTTP port on 127.0.0.1 (0 picks a free one).", 0, allowZero: true);
        var seed = CommandOptions.Integer("--seed", "Seed of the initial data set and of the benchmark run.", DataSetGenerator.DefaultSeed, int.MinValue, int.MaxValue);
        var rooms = CommandOptions.Integer("--rooms", "Rooms in the initial data set (the initial check needs at least 100 with strokes).", DataSetGenerator.DefaultRooms, 1, 100_000);
        var duration = CommandOptions.Integer("--duration", "Load phase length in seconds.", 60, 1, 3600, unit: "seconds");
        var profile = new Option<string>("--reference-profile")
        {
            Description = "The reference server's profile: baseline (the original algorithm) or tuned.",
            DefaultValueFactory = _ => "baseline",
        };
        profile.AcceptOnlyFromAmong("baseline", "tuned");
        var outDir = new Option<string>("--out") { Description = "Folder for the result files (default: results/<run id>)." };
        var noProgress = new Option<bool>("--no-progress") { Description = "No live progress." };
        var repeat = CommandOptions.Integer("--repeat", "Runs one after another, each on the data set loaded afresh and a restarted reference server; result.json keeps each and their median, range and coefficient of variation.", 1, 1, 100);
        repeat.HelpName = "N";
        // No default: a baseline committed from another machine says nothing about this one, so the demo compares only when asked.
        var baseline = new Option<string>("--baseline")
        {
            Description = "Also compare the result with this baseline result.json, as `isubench gate` does: its verdict is the demo's (exit 3 FAIL, 5 INCONCLUSIVE). Not compared without it.",
            HelpName = "FILE",
        };
        var maxDrop = GateCommand.MaxDropOption();
        var command = new Command("demo", "Private MariaDB + full initial data set + reference server + a full benchmark run; prints the report's path and exits.")
        {
            dir, dbPort, port, seed, rooms, duration, profile, outDir, noProgress, repeat, baseline, maxDrop,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var directory = parseResult.GetRequiredValue(dir);
            if (await UnusableBaselineAsync(parseResult.GetValue(baseline), cancellationToken) is { } problem)
                throw new EnvironmentMissingException(problem);
            await StopWhatAKilledDemoLeftAsync(directory, error, cancellationToken);
            StackOwner.Claim(directory);
            try
            {
                return await RunDemoAsync(parseResult, directory, output, error, cancellationToken);
            }
            finally
            {
                StackOwner.Release(directory);
            }
        });
        return command;

        async Task<int> RunDemoAsync(ParseResult parseResult, string directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            bool dataIsFresh = true; // loaded just now, for the first run
            await error.WriteLineAsync($"starting MariaDB in {directory}");
            await using var db = await PrivateMariaDb.StartAsync(directory, parseResult.GetValue(dbPort), cancellationToken);
            await output.WriteLineAsync($"MariaDB: {db.ConnectionString}");

            await DataCommand.LoadAsync(db.ConnectionString, parseResult.GetValue(seed), parseResult.GetValue(rooms), output, error, cancellationToken);

            await error.WriteLineAsync("starting the reference server");
            // What the server spends per request, beside the latencies: the reference and its MariaDB, each by a pid file
            // read before each run, as a reset starts a new server process.
            string serverPidFile = Path.Combine(db.Directory, "isuketch.pid");
            using var cost = CostSources.Parse($"isuketch={serverPidFile},mariadb={PrivateMariaDb.PidFile(db.Directory)}", null, null);
            var server = await StartServerAsync(parseResult.GetValue(port), cancellationToken);
            try
            {
                await output.WriteLineAsync($"reference server listens on {server.BaseAddress} (log: {server.LogPath})");
                var options = new BenchmarkOptions
                {
                    Targets = [server.BaseAddress],
                    Duration = TimeSpan.FromSeconds(parseResult.GetValue(duration)),
                    Seed = parseResult.GetValue(seed),
                };
                int runs = parseResult.GetValue(repeat);
                var request = new BenchmarkExecution.Request(
                    options, parseResult.GetValue(outDir) ?? ResultFiles.NewRunDirectory(ResultFiles.DefaultRoot, DateTimeOffset.UtcNow),
                    parseResult.GetValue(baseline), parseResult.GetValue(maxDrop), parseResult.GetValue(noProgress), Json: false, CheckLines: false,
                    MetricsExportSettings.None, runs > 1 ? new RepeatSettings(runs, null) { ResetAction = ResetAsync } : null, BaselineDecides: true)
                {
                    Cost = cost,
                };
                int exitCode = await BenchmarkExecution.ExecuteAsync(request, output, error, cancellationToken);
                await error.WriteLineAsync("stopping the reference server and MariaDB");
                return exitCode;
            }
            finally
            {
                await server.DisposeAsync();
            }

            async Task<ReferenceServerProcess> StartServerAsync(int serverPort, CancellationToken token)
            {
                var started = await ReferenceServerProcess.StartAsync(
                    db.ConnectionString, serverPort, Path.Combine(db.Directory, "isuketch.log"), "/api/rooms",
                    TimeSpan.FromSeconds(60), token, parseResult.GetRequiredValue(profile));
                await File.WriteAllTextAsync(serverPidFile, started.ProcessId.ToString(CultureInfo.InvariantCulture), token);
                return started;
            }

            // Before each run but the first (whose data was just loaded): the data set afresh and a new server process on the same
            // port, so that no run starts from what the one before it wrote or cached.
            async Task ResetAsync(TextWriter progress, CancellationToken token)
            {
                if (dataIsFresh)
                {
                    dataIsFresh = false;
                    return;
                }
                int serverPort = server.BaseAddress.Port;
                try
                {
                    await server.DisposeAsync();
                    await DataCommand.LoadAsync(db.ConnectionString, parseResult.GetValue(seed), parseResult.GetValue(rooms), progress, progress, token);
                    server = await StartServerAsync(serverPort, token);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    throw new TargetResetException($"resetting the demo's data and server failed: {failure.Message}");
                }
                await progress.WriteLineAsync($"reference server restarted (pid {server.ProcessId})");
            }
        }
    }

    /// <summary>
    /// Why the <c>--baseline</c> the demo was given cannot be compared with (missing, not a result), found before
    /// minutes go into the run; null when none was given or it reads.
    /// </summary>
    public static async Task<string?> UnusableBaselineAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null) return null;
        try
        {
            await ScoreFile.ReadAsync(path, cancellationToken);
            return null;
        }
        catch (FileNotFoundException)
        {
            return $"--baseline {path} does not exist; give a result.json of a run on this machine (isubench demo writes one), or leave --baseline out";
        }
        catch (GateInputException e)
        {
            return $"--baseline: {e.Message}";
        }
    }

    /// <summary>
    /// A demo killed outright (SIGKILL, a lost terminal) cannot stop its MariaDB; its reference server stops by itself
    /// when the demo's end closes its stdin. A MariaDB on this folder whose recorded owner has ended is stopped here; one
    /// with a live owner, or started by <c>isubench db start</c> (no owner), is left alone and reported.
    /// </summary>
    private static async Task StopWhatAKilledDemoLeftAsync(string directory, TextWriter error, CancellationToken cancellationToken)
    {
        if (PrivateMariaDb.RunningPid(directory) is not { } leftover || StackOwner.Recorded(directory) is not { } owner)
            return; // nothing left, or not a demo's: PrivateMariaDb.StartAsync says what to do
        if (ProcessLiveness.IsAlive(owner))
            throw new EnvironmentMissingException($"another demo (pid {owner}) is running on {directory}; wait for it to end or use another --dir");
        await error.WriteLineAsync($"stopping MariaDB (pid {leftover}) left running in {directory} by a demo that was killed (pid {owner})");
        await PrivateMariaDb.StopRunningAsync(directory, TimeSpan.FromSeconds(30), cancellationToken);
    }
}
