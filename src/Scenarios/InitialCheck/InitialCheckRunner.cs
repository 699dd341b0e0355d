using System.Diagnostics;
using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// Phase 1 of a run (conformance): the sequence of steps 1–7 and, beside it, the watcher-count check. Requests score and record
/// errors in the factory's metrics like any other; the result holds every check's verdicts and whether the load may start.
/// Every request is bounded by the session timeout and every stream by the watcher stay, and once the target stops
/// answering (<see cref="RunState"/>) the rest of the sequence is skipped, so a dead server costs seconds, not minutes.
/// </summary>
public static class InitialCheckRunner
{
    /// <summary>Runs the checks the options select; throws <see cref="ArgumentException"/> for an unknown front end or check name.</summary>
    public static async Task<InitialCheckResult> RunAsync(InitialCheckOptions options, SessionFactory sessions, CancellationToken cancellationToken)
    {
        var frontEnd = FrontEndFor.Options(options, new Dictionary<string, string>());
        var unknown = options.OnlyChecks?.Except(InitialCheckNames.All).ToList();
        if (unknown is { Count: > 0 }) throw new ArgumentException($"unknown check(s): {string.Join(", ", unknown)}", nameof(options));

        var run = new RunState();
        IInitialCheck[] sequence =
        [
            new TokenRefreshCheck(), new StrokeReflectionCheck(), new EmptyRoomHiddenCheck(), new FirstStrokeOwnerCheck(),
            new TopPageContentCheck(frontEnd), new ApiHtmlConsistencyCheck(), new StaticFilesCheck(),
        ];
        bool Selected(IInitialCheck check) => options.OnlyChecks is null || options.OnlyChecks.Contains(check.Name);

        var watcherCheck = new WatcherCountCheck();
        var watcher = Selected(watcherCheck) ? RunOneAsync(watcherCheck, options, sessions, run, cancellationToken) : null;
        var outcomes = new List<CheckOutcome>();
        try
        {
            foreach (var check in sequence.Where(Selected))
            {
                outcomes.Add(run.TargetStoppedAnswering
                    ? Skip(check, options, sessions, run)
                    : await RunOneAsync(check, options, sessions, run, cancellationToken));
            }
        }
        finally
        {
            // Never leave the watchers running behind the caller's back, even when the sequence was cancelled.
            if (watcher is not null) await Task.WhenAny(watcher);
        }
        if (watcher is not null) outcomes.Add(await watcher);
        return new InitialCheckResult(outcomes);
    }

    private static CheckOutcome Skip(IInitialCheck check, InitialCheckOptions options, SessionFactory sessions, RunState run)
    {
        using var context = new CheckContext(check.Name, options, sessions, run);
        context.Record(context.Stopped("(not run)", $"the target stopped answering ({RunState.FailuresInARow} requests in a row got no answer)"));
        return new CheckOutcome(check.Name, context.Verdicts, TimeSpan.Zero, Skipped: true);
    }

    private static async Task<CheckOutcome> RunOneAsync(IInitialCheck check, InitialCheckOptions options, SessionFactory sessions, RunState run, CancellationToken cancellationToken)
    {
        using var context = new CheckContext(check.Name, options, sessions, run);
        var started = Stopwatch.GetTimestamp();
        await check.RunAsync(context, cancellationToken);
        return new CheckOutcome(check.Name, context.Verdicts, Stopwatch.GetElapsedTime(started));
    }
}
