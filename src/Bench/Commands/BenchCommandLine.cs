using System.CommandLine;
using IsuBench.Bench.LocalStack;
using IsuBench.Reference.DataSet;
using MySqlConnector;

namespace IsuBench.Bench.Commands;

/// <summary>The <c>isubench</c> command tree, and the mapping of parse errors and failures to exit codes.</summary>
internal static class BenchCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("IsuBench: the ISUCON6-final (ISUketch) benchmark and conformance harness.");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(CheckCommand.Build());
        root.Subcommands.Add(GateCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        root.Subcommands.Add(MergeCommand.Build());
        root.Subcommands.Add(DataCommand.Build());
        root.Subcommands.Add(DbCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors) await error.WriteLineAsync($"error: {parseError.Message}");
            var command = string.Join(' ', CommandPath(parseResult.CommandResult));
            await error.WriteLineAsync($"Run '{command} --help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C cancels the command's token; stopping MariaDB and the reference cleanly takes a few seconds.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (EnvironmentMissingException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.EnvironmentMissing;
        }
        catch (DataSetLoadException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.EnvironmentMissing;
        }
        catch (MySqlException e)
        {
            await error.WriteLineAsync(
                $"error: MySQL: {e.Message}\nCheck --mysql, or start a private MariaDB with: isubench db start");
            return ExitCodes.EnvironmentMissing;
        }
        catch (InvalidDataException e)
        {
            // An --assets-manifest that exists but cannot be used.
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("interrupted");
            return ExitCodes.Interrupted;
        }
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is System.CommandLine.Parsing.CommandResult c) names.Push(c.Parent is null ? "isubench" : c.Command.Name);
        return names;
    }
}
