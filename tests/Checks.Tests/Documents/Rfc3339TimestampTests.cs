using IsuBench.Checks.Documents;

namespace IsuBench.Tests.Checks.Documents;

public class Rfc3339TimestampTests
{
    [Fact]
    public void Keeps_microseconds()
    {
        Assert.True(Rfc3339Timestamp.TryParse("2016-09-22T00:00:01.123456Z", out var t));
        Assert.Equal(new DateTimeOffset(2016, 9, 22, 0, 0, 1, TimeSpan.Zero).AddTicks(1234560), t);
    }

    [Fact]
    public void Honours_offsets_and_nanosecond_fractions()
    {
        Assert.True(Rfc3339Timestamp.TryParse("2016-09-22T09:00:01.123456789+09:00", out var t));
        Assert.Equal(new DateTimeOffset(2016, 9, 22, 0, 0, 1, TimeSpan.Zero).AddTicks(1234567), t.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(9), t.Offset);
    }

    [Fact]
    public void Accepts_whole_seconds()
    {
        Assert.True(Rfc3339Timestamp.TryParse("2016-09-22T00:00:01Z", out var t));
        Assert.Equal(0, t.UtcTicks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("2016-09-22 00:00:01")]
    [InlineData("2016-09-22T00:00:01")]
    [InlineData("2016-02-30T00:00:01Z")]
    [InlineData("2016-09-22T24:00:01Z")]
    [InlineData("2016-09-22T00:00:01.Z")]
    [InlineData("1474502401")]
    [InlineData("")]
    public void Rejects_what_is_not_RFC_3339(string text) => Assert.False(Rfc3339Timestamp.TryParse(text, out _));
}
