using System.Text;
using IsuBench.Engine.Sse;

namespace IsuBench.Tests.Scenarios.Sse;

public sealed class NormalizedEventStreamTests
{
    private static async Task<string> ReadAllAsync(string input, int maxEventBytes, int chunk)
    {
        // A tiny read size splits CRLF pairs across reads, as a network can.
        using var inner = new MemoryStream(Encoding.UTF8.GetBytes(input));
        await using var stream = new NormalizedEventStream(inner, maxEventBytes);
        var output = new MemoryStream();
        byte[] buffer = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Rewrites_cr_and_crlf_to_lf(int chunk)
    {
        Assert.Equal("a\nb\n\nc\nd\n\n\n", await ReadAllAsync("a\r\nb\r\n\r\nc\rd\n\r\r", 100, chunk));
    }

    [Fact]
    public async Task Counts_each_event_separately()
    {
        string events = string.Concat(Enumerable.Repeat("data: " + new string('x', 50) + "\r\n\r\n", 100));

        Assert.Equal(100, (await ReadAllAsync(events, 60, 7)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Fails_when_one_event_grows_past_the_limit_even_over_many_lines()
    {
        string oneEvent = string.Concat(Enumerable.Repeat("data: " + new string('x', 50) + "\n", 3)) + "\n";

        var error = await Assert.ThrowsAsync<EventTooLargeException>(() => ReadAllAsync(oneEvent, 150, 16));

        Assert.Equal(150, error.Limit);
    }
}
