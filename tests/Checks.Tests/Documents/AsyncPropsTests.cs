using IsuBench.Checks.Documents;

namespace IsuBench.Tests.Checks.Documents;

public class AsyncPropsTests
{
    [Fact]
    public void Reads_rooms_and_token_tolerating_a_semicolon()
    {
        var status = AsyncProps.TryParse("__ASYNC_PROPS__ = [{\"rooms\":[{\"id\":5,\"stroke_count\":2,\"x\":1}],\"csrfToken\":\"t\"}];", out var props, out _);
        Assert.Equal(AsyncPropsStatus.Present, status);
        Assert.Equal(1, props!.ElementCount);
        Assert.Equal([new AsyncPropsRoom(5, 2)], props.Rooms);
        Assert.Equal("t", props.CsrfToken);
    }

    [Theory]
    [InlineData(null, AsyncPropsStatus.Missing)]
    [InlineData("window.props = []", AsyncPropsStatus.Missing)]
    [InlineData("__ASYNC_PROPS__ = [{", AsyncPropsStatus.Invalid)]
    [InlineData("__ASYNC_PROPS__ = {}", AsyncPropsStatus.Invalid)]
    [InlineData("__ASYNC_PROPS__ = [{\"rooms\":[{\"id\":\"5\",\"stroke_count\":2}]}]", AsyncPropsStatus.Invalid)]
    [InlineData("__ASYNC_PROPS__ = [{\"rooms\":[],\"csrfToken\":3}]", AsyncPropsStatus.Invalid)]
    public void Distinguishes_missing_from_invalid(string? script, AsyncPropsStatus expected)
    {
        Assert.Equal(expected, AsyncProps.TryParse(script, out var props, out var problem));
        Assert.Null(props);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Counts_elements_of_an_empty_or_longer_array()
    {
        AsyncProps.TryParse("__ASYNC_PROPS__ = []", out var empty, out _);
        Assert.Equal(0, empty!.ElementCount);
        AsyncProps.TryParse("__ASYNC_PROPS__ = [{\"rooms\":[]},{}]", out var two, out _);
        Assert.Equal(2, two!.ElementCount);
        Assert.Equal("", two.CsrfToken);
    }
}
