using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// Where responses get their verdicts, for the initial check and the workloads alike. The rules of <c>Checks</c> decide; the judge
/// weighs their verdicts (an IsuBench addition is a warning unless <c>--strict</c>), scores a response when nothing but warnings
/// failed (a GET 1, a POST 20: docs/contract.md §2.2), and records every failure in the error ledger with one message format.
/// A response is judged once; one that got no answer records the reason it failed.
/// </summary>
public sealed class Judge(RunMetrics metrics, bool strict = false, Action<Verdict>? keep = null)
{
    /// <summary>The longest piece of evidence a message names (statuses and counts; bodies are cut).</summary>
    public const int MaxActualInMessage = 80;

    /// <summary>The run's metrics: the score and error ledgers the judge writes.</summary>
    public RunMetrics Metrics => metrics;

    /// <summary>Whether IsuBench's additions fail the run (<c>--strict</c>) instead of warning.</summary>
    public bool Strict => strict;

    /// <summary>
    /// Judges <paramref name="response"/> by the verdicts of the rules applied to it: true (and scored) when none failed but warnings.
    /// A response the bench itself could not send (its capacity) is neither scored nor held against the server.
    /// </summary>
    public bool Response(SessionResponse response, params IEnumerable<Verdict> verdicts)
    {
        var weighed = Weigh(verdicts);
        if (!response.TrySettle())
        {
            throw new InvalidOperationException($"{response.Endpoint}: this response already has a verdict");
        }
        if (response.Failure == FailureKind.BenchCapacity)
        {
            metrics.Observer?.RequestJudged(response.Endpoint, response.Method.Method, response.Status, response.Latency, null);
            return false;
        }
        bool answered = response.Failure == FailureKind.None;
        if (!answered)
        {
            // No answer: the reason is the ordinary error, as in the original; only what that failure makes critical (or a warning)
            // is added: ordinary rules have nothing to say about an answer that never came.
            metrics.Errors.Add(response.FailureMessage ?? $"{response.Endpoint}: request failed");
        }
        var errors = RecordWarnings(weighed.Where(v => answered || v.Critical || v.IsWarning));
        foreach (var failure in errors)
        {
            metrics.Errors.Add(failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary, MessageOf(failure));
        }
        if (answered && errors.Count > 0)
        {
            metrics.Endpoints.RecordError(response.Endpoint);
        }
        ScoreKind? scored = answered && errors.Count == 0 ? ScoringRules.KindOf(response.Method) : null;
        if (scored is { } kind)
        {
            metrics.Score.Add(kind);
        }
        metrics.Observer?.RequestJudged(response.Endpoint, response.Method.Method, response.Status, response.Latency, (int?)scored);
        return scored is not null;
    }

    /// <summary>Records verdicts about no single response (a stream, a comparison across watchers). True when none failed but warnings.</summary>
    public bool Record(params IEnumerable<Verdict> verdicts)
    {
        var errors = RecordWarnings(Weigh(verdicts));
        foreach (var failure in errors)
        {
            metrics.Errors.Add(failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary, MessageOf(failure));
        }
        return errors.Count == 0;
    }

    /// <summary>Records an ordinary error that no rule states: something the bench observed, such as a stream that could not be opened.</summary>
    public void Error(string message) => metrics.Errors.Add(message);

    /// <summary>Scores one stroke that reached a watcher in time (docs/contract.md §2.2).</summary>
    public void StrokeDelivered()
    {
        metrics.Score.Add(ScoreKind.StreamStroke);
        metrics.Observer?.EventScored((int)ScoreKind.StreamStroke);
    }

    /// <summary>The one message format of a failed verdict: the rule's message, the request, and (for rules that name it) what came back.</summary>
    public static string MessageOf(Verdict verdict)
    {
        var message = $"{verdict.Message} [{verdict.Evidence.Request}]";
        var actual = verdict.Evidence.Actual;
        if (!verdict.NamesActual || actual.Length == 0) return message;
        return $"{message}: {(actual.Length <= MaxActualInMessage ? actual : actual[..MaxActualInMessage] + "…")}";
    }

    // The verdicts as this run weighs them, kept for the caller's report where it wants them.
    private List<Verdict> Weigh(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.Select(v => v.Weighed(strict)).ToList();
        if (keep is not null)
        {
            foreach (var verdict in list) keep(verdict);
        }
        return list;
    }

    // Warnings go to the ledger as such; the failures that remain are errors.
    private List<Verdict> RecordWarnings(IEnumerable<Verdict> verdicts)
    {
        var errors = new List<Verdict>();
        foreach (var failure in verdicts.Where(v => !v.Passed))
        {
            if (failure.IsWarning) metrics.Errors.Add(ErrorKind.Warning, MessageOf(failure));
            else errors.Add(failure);
        }
        return errors;
    }
}
