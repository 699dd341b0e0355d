using System.CommandLine;
using IsuBench.Bench.LocalStack;

namespace IsuBench.Bench.Commands;

/// <summary><c>isubench db start|stop</c>: a private MariaDB that keeps running between commands.</summary>
internal static class DbCommand
{
    /// <summary>The default data directory of <c>db start</c>.</summary>
    public const string DefaultDirectory = ".local/db";

    /// <summary>The <c>db</c> command with <c>start</c> and <c>stop</c>.</summary>
    public static Command Build()
    {
        var startDir = CommandOptions.Directory("Folder for the data, socket, pid file and log.", DefaultDirectory);
        var port = CommandOptions.Port("TCP port on 127.0.0.1 (0 picks a free one).", 3307, allowZero: true);
        var start = new Command("start", "Start a private MariaDB (Debian's mariadbd) in the background and print its connection string.") { startDir, port };
        start.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var directory = parseResult.GetRequiredValue(startDir);
            if (PrivateMariaDb.RunningPid(directory) is { } pid && PrivateMariaDb.RecordedPort(directory) is { } runningPort)
            {
                await output.WriteLineAsync($"MariaDB already runs on {directory} (pid {pid}, port {runningPort}).");
                await output.WriteLineAsync(PrivateMariaDb.ConnectionStringFor(runningPort));
                return ExitCodes.Pass;
            }
            var db = await PrivateMariaDb.StartAsync(directory, parseResult.GetValue(port), cancellationToken, detached: true);
            await output.WriteLineAsync($"MariaDB runs on 127.0.0.1:{db.Port} (data in {db.Directory}); stop it with: isubench db stop --dir {directory}");
            await output.WriteLineAsync(db.ConnectionString);
            return ExitCodes.Pass;
        });

        var stopDir = CommandOptions.Directory("Folder given to db start.", DefaultDirectory);
        var stop = new Command("stop", "Stop the private MariaDB started by db start.") { stopDir };
        stop.SetAction(async (parseResult, cancellationToken) =>
        {
            var directory = parseResult.GetRequiredValue(stopDir);
            var stopped = await PrivateMariaDb.StopRunningAsync(directory, TimeSpan.FromSeconds(60), cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                stopped ? $"MariaDB on {directory} stopped." : $"No MariaDB runs on {directory}.");
            return ExitCodes.Pass;
        });

        return new Command("db", "Run a private MariaDB for the reference server.") { start, stop };
    }
}
