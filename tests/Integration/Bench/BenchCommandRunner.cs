using IsuBench.Bench.Commands;

namespace IsuBench.Integration.Bench;

/// <summary>Runs isubench in process with captured stdout and stderr (neither is a terminal, as in CI).</summary>
internal static class BenchCommandRunner
{
    /// <summary>The exit code and everything written.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
