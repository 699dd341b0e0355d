using System.Text.RegularExpressions;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

/// <summary>
/// No check fails the original: the original benchmark passed the original Node.js application with its React front end, so no rule
/// may reject what that application answered (Transcripts/README.md). The replay itself is shown able to fail.
/// </summary>
public sealed class OriginalApplicationTranscriptTests
{
    private static readonly IReadOnlyList<RecordedExchange> Recorded =
        RecordedExchange.Load(Path.Combine(AppContext.BaseDirectory, "Transcripts", "nodejs.jsonl.gz"));

    // The original front end, with the MD5 of the rebuilt bundle.js, as --assets-manifest gives it.
    private static readonly FrontEnd RebuiltFrontEnd = FrontEndCatalog.Isucon6f(new Dictionary<string, string>
    {
        ["/css/rc-color-picker.css"] = "78055c5c02a2dd66f6207fa19f7ca928",
        ["/css/sanitize.css"] = "7375990d0f1f7d436a952314e3ac7fd0",
        ["/bundle.js"] = "a523edfd9e3c4b7a4395517d3af9e1f1",
    });

    [Fact]
    public void No_rule_rejects_a_response_of_the_original_application()
    {
        var replay = new TranscriptReplay(RebuiltFrontEnd).Run(Recorded);

        Assert.Empty(replay.Verdicts.Where(v => !v.Verdict.Passed).Select(v => v.Verdict.ToString()));
        // Every exchange was judged or set aside, and only the hand-made ones were set aside.
        var judged = replay.Verdicts.Select(v => v.Exchange).Distinct().Count();
        Assert.Equal(Recorded.Count, judged + replay.SetAside.Count);
        Assert.All(replay.SetAside, s => Assert.True(s.Exchange.MadeByHand, s.Exchange.Path));
        // The replay reached the rules that matter for the original application, each more than once where it could.
        var applied = replay.Verdicts.GroupBy(v => v.Verdict.RuleId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in new[]
                 {
                     TokenRules.Present, RoomRules.Create, RoomRules.CreatedAt, RoomRules.List, RoomRules.ListCount, RoomRules.Get,
                     RoomRules.HasStrokes, StrokeRules.Post, StrokeRules.CreatedAt, StrokeRules.PointCount, StrokeRules.PointValues,
                     StrokeRules.FirstStrokeByOwner, TopPageRules.Images, TopPageRules.ReactIdCount, TopPageRules.ReactChecksumMatches,
                     TopPageRules.AsyncPropsToken, TopPageRules.RoomStrokeCount, ConsistencyRules.CountNotLower, ConsistencyRules.MissingRooms,
                     SvgRules.Parse, SvgRules.PointValues, StaticFileRules.Hash, StreamRules.ContentType, StreamRules.StrokeData,
                     StreamRules.WatcherCountData, ContractRules.Fields,
                 })
            Assert.True(applied.GetValueOrDefault(rule.Id) > 0, $"{rule.Id} was never applied");
        Assert.True(applied[StreamRules.StrokeData.Id] >= 10, $"{applied[StreamRules.StrokeData.Id]} stroke events");
    }

    [Fact]
    public void The_replay_fails_a_response_the_original_benchmark_would_have_failed()
    {
        // The same recording with one point of every stroke image moved by a whole pixel, and the props' token blanked.
        var broken = Recorded.Select(x => x.PathOnly.StartsWith("/img/", StringComparison.Ordinal) && x.Body is not null
                ? x with { Body = Regex.Replace(x.Body, "points=\"(\\d+)", m => $"points=\"{int.Parse(m.Groups[1].Value) + 1}") }
                : x.PathOnly == "/" && x.Body is not null ? x with { Body = x.Body.Replace("\"csrfToken\":", "\"csrfTokenX\":") } : x)
            .ToList();

        var replay = new TranscriptReplay(RebuiltFrontEnd).Run(broken);

        var failed = replay.Verdicts.Where(v => !v.Verdict.Passed).Select(v => v.Verdict.RuleId).Distinct().Order().ToList();
        Assert.Equal([SvgRules.PointValues.Id, TopPageRules.AsyncPropsToken.Id], failed);
    }

    [Fact]
    public void The_contest_s_own_bundle_fails_the_static_file_rule_without_the_rebuilt_manifest()
    {
        var replay = new TranscriptReplay(FrontEndCatalog.Isucon6f()).Run(Recorded);
        var failed = replay.Verdicts.Where(v => !v.Verdict.Passed).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, v => Assert.Equal((StaticFileRules.Hash.Id, "/bundle.js"), (v.Verdict.RuleId, v.Exchange.Path)));
    }
}
