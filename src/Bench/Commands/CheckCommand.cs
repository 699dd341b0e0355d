using System.CommandLine;

namespace IsuBench.Bench.Commands;

/// <summary><c>isubench check</c>: the initial (conformance) check alone, one line per check with the evidence of each failure.</summary>
internal static class CheckCommand
{
    /// <summary>The <c>check</c> command.</summary>
    public static Command Build()
    {
        var command = new Command("check", "Run only the initial (conformance) check: one line per check, the evidence of every failure; exit 0 or 1.");
        var shared = new BenchmarkOptionSet(command);
        var outDir = new Option<string>("--out") { Description = "Also write the result files into this folder.", HelpName = "DIR" };
        command.Options.Add(outDir);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = shared.Read(parseResult, TimeSpan.Zero, checkOnly: true);
            var request = new BenchmarkExecution.Request(options, parseResult.GetValue(outDir), BaselinePath: null, MaxDrop: 0,
                parseResult.GetValue(shared.NoProgress), parseResult.GetValue(shared.Json), CheckLines: true, shared.ReadMetricsExport(parseResult));
            var configuration = parseResult.InvocationConfiguration;
            shared.WarnAboutDeprecated(parseResult, configuration.Error);
            return await BenchmarkExecution.ExecuteAsync(request, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }
}
