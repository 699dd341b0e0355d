using IsuBench.Bench.Commands;
using IsuBench.Engine.Http;

// First of all, so that the servers a command starts (demo's reference, MariaDB) inherit it: every watcher holds a socket.
OpenFilesLimit.Raise();
// Before the first socket: its continuations then run on the socket engine's threads instead of waking a thread-pool worker
// for each (docs/ARCHITECTURE.md, "Runtime settings"). Safe since every socket counts against SocketBudget: the runtime's
// abort at the descriptor limit, which this setting once made likelier, can no longer be reached.
if (Environment.GetEnvironmentVariable(InlineCompletions) is null) Environment.SetEnvironmentVariable(InlineCompletions, "1");
return await BenchCommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>The entry point of <c>isubench</c>.</summary>
internal static partial class Program
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
}
