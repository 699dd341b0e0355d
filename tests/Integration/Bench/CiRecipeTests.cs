using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using IsuBench.Bench.Reports;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Tests.Shared;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// The README's CI recipe, run as written (its variables set small): repeated gate-workload runs against the reference,
/// each after a reset that reloads the data and restarts the server, each with its own files and figures, gated against
/// a baseline they cannot match, and everything it started gone afterwards.
/// </summary>
public sealed class CiRecipeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-ci-").FullName;

    [Fact]
    public async Task The_readme_recipe_runs_resets_gates_and_stops_what_it_started_when_the_gate_fails()
    {
        string recipe = Path.Combine(_directory, "recipe.sh");
        await File.WriteAllTextAsync(recipe, ReadmeRecipe());
        string baseline = Path.Combine(_directory, "baseline.json");
        await File.WriteAllTextAsync(baseline, UnbeatableBaseline(runs: 5));
        int port = FreePort();
        string outDir = Path.Combine(_directory, "out");
        string db = Path.Combine(_directory, "db");

        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(recipe);
        foreach (var (name, value) in new[]
                 {
                     ("WORKLOAD", "gate"), ("RUNS", "2"), ("WARMUP", "1"), ("DURATION", "6"), ("ROOMS", "150"), ("PORT", port.ToString()),
                     ("BASELINE", baseline), ("OUT", outDir), ("DB", db),
                 })
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        }
        catch (TimeoutException)
        {
            // The shell and the bench under it; the trap that stops the server and the database does not run, so Dispose does.
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the recipe did not finish within 4 minutes\n{await output}\n{await error}");
        }
        string printed = $"{await output}\n{await error}";

        // The gate found the runs worse than the baseline: FAIL, exit 3, and the recipe ended there. On a machine crowded by
        // other work (the suite's other tests may crowd it) the same finding is INCONCLUSIVE, exit 5, and each figure says it
        // would FAIL: a crowded run is no evidence of a regression.
        // A run that failed a critical check ends the recipe before the gate (exit 1): say which and why, not just that the
        // gate's file is missing, with each run's own messages beside what the recipe printed.
        Assert.True(File.Exists(Path.Combine(outDir, "gate-junit.xml")),
            $"the recipe ended before the gate: exit {process.ExitCode}\n{printed}\n{EachRunsMessages(outDir)}");
        var runs = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"))).Repeat!.Runs;
        var gateCases = XDocument.Load(Path.Combine(outDir, "gate-junit.xml")).Descendants("testcase").ToList();
        if (runs.All(r => r.Crowded is null))
        {
            Assert.True(process.ExitCode == ExitCodes.Regression, $"exit {process.ExitCode}\n{printed}");
            Assert.Contains("overall: FAIL", printed);
            Assert.Contains(gateCases, c => c.Element("failure") is not null);
        }
        else
        {
            Assert.True(process.ExitCode == ExitCodes.Inconclusive, $"exit {process.ExitCode}\n{printed}");
            Assert.Contains("overall: INCONCLUSIVE", printed);
            foreach (var figure in new[] { "GET /api/rooms p50 ms", "GET /api/rooms/{id} p50 ms" })
                Assert.Matches($"INCONCLUSIVE: {Regex.Escape(figure)} .*; it would FAIL, but", printed);
        }

        // Each run, the warm-up run first, was preceded by a reset (the data set reloaded, the server restarted) and
        // kept its own files.
        Assert.Equal(3, Regex.Matches(printed, @"reset: data set loaded in").Count);
        Assert.Contains("warm-up run 1/1: resetting the target", printed);
        Assert.Contains("run 2/2: resetting the target", printed);
        string json = await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"));
        Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
        var result = ResultJson.Deserialize(json);
        Assert.True(result.Pass);
        Assert.Equal("gate", result.Options.Workload);
        var repeat = result.Repeat!;
        Assert.Equal(["run-1", "run-2"], repeat.Runs.Select(r => r.RunId));
        Assert.Equal(["warm-up-1"], repeat.WarmUp!.Select(r => r.RunId));
        Assert.True(File.Exists(Path.Combine(outDir, "warm-up-1", "result.json")));
        foreach (var run in repeat.Runs)
        {
            var own = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, run.RunId, "result.json")));
            Assert.Equal(run.Score, own.Score);
            // What a regression would move: each scheduled endpoint's latency, and deliveries on time at each step of watchers.
            foreach (var endpoint in new[] { "GET /", "GET /api/rooms", "GET /api/rooms/{id}", "POST /api/strokes/rooms/{id}" })
            {
                Assert.Equal(GateFigureDocument.Lower, own.GateFigures![$"{endpoint} p50 ms"].Better);
                Assert.True(own.GateFigures[$"{endpoint} p99 ms"].Value >= own.GateFigures[$"{endpoint} p50 ms"].Value);
                Assert.False(own.GateFigures[$"{endpoint} p99 ms"].Gated);
            }
            Assert.True(own.GateFigures!["GET /api/rooms p50 ms"].Gated);
            Assert.Contains(own.GateFigures!, f => f.Key.StartsWith("delivered within 2 s, ", StringComparison.Ordinal) && f.Value.Value > 0);
            Assert.Equal(own.GateFigures!.Keys.Order(), run.GateFigures!.Keys.Order());
            // An open model: the room list is due on its seeded schedule (5 times a second on average) whatever the
            // answers, and every arrival due within the 6 s is started or dropped, none after.
            var due = GatePlan.ArrivalsFor("room list", new GatePlan().RoomListInterval, runSeed: 42).Offsets().TakeWhile(offset => offset < TimeSpan.FromSeconds(6)).Count();
            Assert.Equal(due, own.Load!.Iterations["room list"] + own.Load.FailedIterations["room list"]);
        }
        Assert.Contains("GET /api/rooms p50 ms", repeat.Spread.Keys);
        Assert.Equal(repeat.Runs.Select(r => (double)r.Score).Order().ToList(), [repeat.Spread["score"].Min, repeat.Spread["score"].Max]);

        // The trap stopped the server and the database although the recipe failed.
        Assert.Null(PrivateMariaDb.RunningPid(db));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    /// <summary>
    /// The first sh block of the README's "In CI" section as a reader copies it, but for its build line in a Release test
    /// run: the suite's own build made the very binaries that line would build (as ToolPackageTests packs them without a
    /// build), so the line is held to be that command and not run again, which took a minute or two of a loaded machine.
    /// </summary>
    private static string ReadmeRecipe()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int section = readme.IndexOf("### In CI", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no \"### In CI\" section");
        int start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        string recipe = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
#if DEBUG
        return recipe;
#else
        Assert.Contains($"\n{BuildLine}\n{RunsTheBuild}\n", recipe);
        return recipe.Replace($"\n{BuildLine}\n", "\n: built by the test run\n", StringComparison.Ordinal);
#endif
    }

    /// <summary>The recipe's build, the same project and configuration as the solution's Release build.</summary>
    private const string BuildLine = "dotnet build src/Bench -c Release";

    /// <summary>The recipe's next line: isubench from that build's output.</summary>
    private const string RunsTheBuild = """isubench() { dotnet src/Bench/bin/Release/net10.0/isubench.dll "$@"; }""";

    // Runs of the gate workload whose latencies no server reaches: any real result is worse by far.
    private static string UnbeatableBaseline(int runs)
    {
        var figures = new Dictionary<string, object>
        {
            ["GET /api/rooms p50 ms"] = new { value = 0.001, better = "lower" },
            ["GET /api/rooms/{id} p50 ms"] = new { value = 0.001, better = "lower" },
        };
        var list = Enumerable.Range(1, runs).Select(i => new { run_id = $"run-{i}", pass = true, score = 1, gate_figures = figures }).ToList();
        return JsonSerializer.Serialize(new { pass = true, score = 1, messages = Array.Empty<string>(), repeat = new { runs = list } });
    }

    // What each run's result.json says went wrong, by run folder (warm-up-1, run-1, ...).
    private static string EachRunsMessages(string outDir)
    {
        if (!Directory.Exists(outDir)) return $"{outDir} was not made";
        return string.Join("\n", Directory.GetDirectories(outDir).Order(StringComparer.Ordinal)
            .Where(run => File.Exists(Path.Combine(run, "result.json")))
            .Select(run => (Name: Path.GetFileName(run), Result: ResultJson.Deserialize(File.ReadAllText(Path.Combine(run, "result.json")))))
            .Select(run => $"{run.Name}: {(run.Result.Pass ? "PASS" : "FAIL")}, {string.Join("; ", run.Result.Messages)}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(Path.Combine(_directory, "db")) is { } pid)
            Process.GetProcessById(pid).Kill();
        // The reference the recipe's reset started (in a session of its own), when the recipe was killed before its trap ran.
        string serverPidFile = Path.Combine(_directory, "db.server.pid");
        if (File.Exists(serverPidFile) && int.TryParse(File.ReadAllText(serverPidFile).Trim(), out int server)
            && File.Exists($"/proc/{server}/cmdline") && File.ReadAllText($"/proc/{server}/cmdline").Contains("isuketch.dll", StringComparison.Ordinal))
        {
            try { Process.GetProcessById(server).Kill(); }
            catch (ArgumentException) { } // ended meanwhile
        }
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
