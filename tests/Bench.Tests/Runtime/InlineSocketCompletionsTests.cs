using System.Diagnostics;
using IsuBench.Bench.Runtime;

namespace IsuBench.Tests.Bench.Runtime;

public sealed class InlineSocketCompletionsTests
{
    [Fact]
    public void The_bench_turns_inline_completions_on_and_keeps_them_from_the_reference_server()
    {
        var before = Environment.GetEnvironmentVariable(InlineSocketCompletions.Variable);

        var setHere = InlineSocketCompletions.EnableUnlessSet();

        var now = Environment.GetEnvironmentVariable(InlineSocketCompletions.Variable);
        if (before is null) Assert.Equal("1", now);
        else Assert.Equal(before, now); // a value the user chose stays
        var child = new ProcessStartInfo("true");
        Assert.True(child.Environment.ContainsKey(InlineSocketCompletions.Variable));
        InlineSocketCompletions.KeepFromChild(child);
        Assert.Equal(!setHere, child.Environment.ContainsKey(InlineSocketCompletions.Variable));
    }
}
