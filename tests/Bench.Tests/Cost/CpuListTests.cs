using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class CpuListTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-2,5", new[] { 0, 1, 2, 5 })]
    [InlineData("3, 1-1 ,2", new[] { 1, 2, 3 })]
    public void Lists_are_read_as_taskset_writes_them(string text, int[] cpus) => Assert.Equal(cpus, CpuList.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-1")]
    [InlineData("3-1")]
    [InlineData("0-1-2")]
    [InlineData("9000")]
    public void Anything_else_is_refused(string text) => Assert.Throws<FormatException>(() => CpuList.Parse(text));

    [Fact]
    public void Runs_are_written_as_ranges() => Assert.Equal("0-2,5,7-8", CpuList.Format([8, 0, 1, 2, 5, 7, 1]));
}
