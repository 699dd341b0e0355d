using IsuBench.Bench.Commands;
using IsuBench.Bench.Runtime;

InlineSocketCompletions.EnableUnlessSet(); // before the first socket
return await BenchCommandLine.RunAsync(args, Console.Out, Console.Error);
