using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using IsuBench.Bench.LocalStack;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Shared;

namespace IsuBench.Integration.Bench;

/// <summary>
/// Every command block of the README either runs, as a reader on a fresh clone runs it, against the tools this test
/// was built with, or is named below with the reason it is not run; a block that is neither fails the test, so a new
/// block must be classified.
/// </summary>
public sealed partial class ReadmeCommandBlocksTests : IDisposable
{
    // The blocks run, in the README's order, in one shell: later ones use what earlier ones started ($MYSQL, the
    // server's job). Each is named by its first command line (the line without its comment).
    private static readonly string[] Run =
    [
        """MYSQL=$(isubench db start --port 0 | tail -n 1)""",
        """isubench compare results/baseline-isucon.json results/profiles-tuned.json""",
    ];

    // The blocks not run, by their first command line, and why.
    private static readonly Dictionary<string, string> NotRun = new()
    {
        ["scripts/demo.sh"] = "the main job: builds, then minutes of demo; DemoCommandTests runs the demo, the CI runs the script",
        ["dotnet pack src/Bench -c Release -o .local/packages"] =
            "packs for minutes and installs global tools, which changes the machine; ToolPackageTests packs and installs into a folder of its own",
        ["dotnet build src/Bench -c Release"] = "builds what this test already runs; the shims it puts on PATH stand for the two functions",
        ["isubench demo --reference-profile tuned"] = "a full demo, minutes of load on the full data set; DemoCommandTests runs the demo",
        ["set -euo pipefail"] = "the CI recipe, which CiRecipeTests runs as written with its variables set small",
        ["""isuketch --profile tuned --mysql "$MYSQL" --otlp-endpoint http://127.0.0.1:4318 &"""] =
            "needs an OpenTelemetry collector on 127.0.0.1:4318 and a database in $MYSQL; LiveMetricsTests runs both exports against a receiver of its own",
        ["docker build -f deploy/kubernetes/Dockerfile -t isubench:0.9 ."] =
            "needs docker and a Kubernetes cluster; KubernetesJobTests runs the command of every pod of the manifests as a local process",
    };

    // The port the README's examples use (isuketch's default); the test moves it to a free one.
    private const string ReadmeOrigin = "http://127.0.0.1:8080";

    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-readme-blocks-").FullName;

    /// <summary>One fenced block of the README: its language (empty when none), its text and the line it starts on.</summary>
    private sealed record Block(string Language, string Text, int Line)
    {
        /// <summary>The first line that is not empty, without a trailing comment.</summary>
        public string Name => Text.Split('\n').Select(l => l.Split(" #")[0].Trim()).First(l => l.Length > 0);
    }

    [Fact]
    public void Every_command_block_is_run_or_named_with_a_reason()
    {
        var blocks = CommandBlocks();
        var unclassified = blocks.Where(b => !Run.Contains(b.Name) && !NotRun.ContainsKey(b.Name)).ToList();
        Assert.True(unclassified.Count == 0,
            "README.md blocks neither run nor named in ReadmeCommandBlocksTests:\n" + string.Join("\n", unclassified.Select(b => $"  line {b.Line}: {b.Name}")));
        var names = blocks.Select(b => b.Name).ToHashSet();
        var stale = Run.Concat(NotRun.Keys).Where(name => !names.Contains(name)).ToList();
        Assert.True(stale.Count == 0, "named in ReadmeCommandBlocksTests but no longer a README.md block:\n  " + string.Join("\n  ", stale));
        Assert.Empty(Run.Intersect(NotRun.Keys));
    }

    [Fact]
    public async Task The_run_blocks_work_on_a_fresh_clone_against_the_fresh_build()
    {
        var blocks = CommandBlocks().Where(b => Run.Contains(b.Name)).ToList();
        Assert.Equal(Run.Length, blocks.Count);
        int port = FreePort();
        string origin = $"http://127.0.0.1:{port}";
        foreach (var block in blocks)
        {
            var other = OriginPattern().Matches(block.Text).Select(m => m.Value).FirstOrDefault(o => o != ReadmeOrigin);
            Assert.True(other is null, $"README.md line {block.Line} uses {other}; this test moves {ReadmeOrigin} (isuketch's default) to a free port, and no other");
        }

        // A fresh clone as far as the blocks reach: the committed results at hand, no .local/ yet.
        string clone = Path.Combine(_directory, "clone");
        Directory.CreateDirectory(Path.Combine(clone, "results"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "results")))
            File.Copy(file, Path.Combine(clone, "results", Path.GetFileName(file)));
        string bin = WriteShims();

        var script = new StringBuilder("set -euo pipefail\n");
        // Whatever fails, nothing the blocks started outlives the script (the README's own last line stops them on success);
        // each command of the trap may fail, as under set -e it would otherwise set the exit code.
        script.Append("trap 'kill $(jobs -p) 2>/dev/null || true; isubench db stop >/dev/null 2>&1 || true' EXIT\n");
        foreach (var block in blocks)
            script.Append($"echo '== README.md line {block.Line}' >&2\n").Append(block.Text.Replace(ReadmeOrigin, origin)).Append('\n');
        script.Append("echo '== every block ran' >&2\n");
        string path = Path.Combine(_directory, "blocks.sh");
        await File.WriteAllTextAsync(path, script.ToString());

        var start = new ProcessStartInfo("bash") { WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        // isuketch listens where ASPNETCORE_URLS says when --urls is not given, as the README's example does not give it.
        start.Environment["ASPNETCORE_URLS"] = origin;
        foreach (var name in new[] { "ISUKETCH_MYSQL", "MYSQL_HOST", "MYSQL_PORT", "MYSQL_USER", "MYSQL_PASS" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the README's blocks did not finish within 4 minutes\n{await error}");
        }
        string printed = $"{await output}\n{await error}";

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{printed}");
        Assert.Contains("== every block ran", printed);

        // What the README says each command does.
        Assert.Matches(@"(?m)^PASS watcher-count ", printed); // check: one line per check
        Assert.DoesNotMatch(@"(?m)^FAIL ", printed);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(clone, "results")), d => RunId().IsMatch(Path.GetFileName(d)));
        foreach (var file in new[] { "result.json", "summary.md", "report.html", "junit.xml" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing in {run}");
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(run, "result.json")));
        Assert.True(result.Pass);
        Assert.True(result.LoadRan);
        Assert.Equal("baseline", result.ServerProfile);
        Assert.Single(Directory.GetFiles(Path.Combine(clone, "results", "compare"), "compare.html", SearchOption.AllDirectories));
        Assert.Contains("overall: PASS", printed);

        // The README's last line of the walk-through stopped the server and MariaDB.
        Assert.Null(PrivateMariaDb.RunningPid(Path.Combine(clone, DbCommandDirectory)));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    private const string DbCommandDirectory = ".local/db";

    // The README's fenced blocks that could be commands: those marked sh, bash or shell, and unmarked ones. Other
    // languages (text: what a command prints) are not commands. An unmarked block whose first line starts with "--"
    // lists options (the option blocks of `isubench run` and `isuketch`): not commands either, so skipped.
    private static List<Block> CommandBlocks()
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Split('\n');
        var blocks = new List<Block>();
        for (int i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success) continue;
            int end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            Assert.True(end > i, $"README.md line {i + 1}: a block that does not end");
            var block = new Block(fence.Groups[1].Value, string.Join('\n', lines[(i + 1)..end]), i + 1);
            i = end;
            if (block.Language is not ("" or "sh" or "bash" or "shell")) continue;
            if (block.Language == "" && block.Name.StartsWith("--", StringComparison.Ordinal)) continue;
            blocks.Add(block);
        }
        return blocks;
    }

    // isubench and isuketch on PATH as an install would put them, running this build's assemblies.
    private string WriteShims()
    {
        string bin = Path.Combine(_directory, "bin");
        Directory.CreateDirectory(bin);
        var self = Environment.ProcessPath;
        var host = self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";
        foreach (var tool in new[] { "isubench", "isuketch" })
        {
            string dll = Path.Combine(AppContext.BaseDirectory, $"{tool}.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing");
            string shim = Path.Combine(bin, tool);
            // exec: the shim's process is the tool's, so `kill %1` in the README stops the server itself.
            File.WriteAllText(shim, $"#!/bin/sh\nexec '{host}' '{dll}' \"$@\"\n");
            if (!OperatingSystem.IsWindows()) // the README's blocks are bash, on Linux
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return bin;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^```(\w*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"^\d{8}-\d{6}(-\d+)?$")]
    private static partial Regex RunId();

    /// <inheritdoc />
    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(Path.Combine(_directory, "clone", DbCommandDirectory)) is { } pid)
            Process.GetProcessById(pid).Kill();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
