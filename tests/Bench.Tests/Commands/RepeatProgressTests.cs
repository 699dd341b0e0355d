using IsuBench.Bench.Commands;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Commands;

/// <summary>The line each run of <c>run --repeat</c> prints as it ends: a failed run says why, a passing one stays one line.</summary>
public sealed class RepeatProgressTests
{
    [Fact]
    public void A_failed_run_prints_its_messages_under_its_line_and_counts_those_left_out()
    {
        string[] messages = ["a", "b", "c", "d", "e", "f", "g"];
        var run = SampleResults.FailingDocument() with { RunId = "run-2", Score = 0, Messages = messages };

        string text = RepeatProgress.Text("run 2/2", run, warming: false);

        Assert.Equal("run 2/2: FAIL score 0\n  a\n  b\n  c\n  d\n  e\n  … 2 more in run-2/result.json", text);
    }

    [Fact]
    public void A_passing_warm_up_run_is_one_line_that_says_it_is_not_counted()
    {
        var run = SampleResults.PassingDocument() with { Score = 1234, Messages = ["an ordinary error the run survived"] };

        Assert.Equal("warm-up run 1/1: PASS score 1234 (not counted)", RepeatProgress.Text("warm-up run 1/1", run, warming: true));
    }
}
