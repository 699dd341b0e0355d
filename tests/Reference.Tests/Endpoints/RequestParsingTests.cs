using System.Text.Json;
using IsuBench.Reference.Endpoints;
using IsuBench.Reference.Endpoints.Requests;

namespace IsuBench.Tests.Reference.Endpoints;

public sealed class RequestParsingTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", null)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("+1", null)]
    [InlineData(" 1", null)]
    [InlineData("1e3", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void Only_positive_64_bit_decimal_integers_are_room_ids(string text, long? expected)
    {
        Assert.Equal(expected, RoomId.Parse(text));
    }

    [Fact]
    public void A_valid_stroke_is_parsed_with_rounded_alpha_and_coordinates_and_extra_fields_ignored()
    {
        using var body = JsonDocument.Parse("""
            {"room_id": 99, "id": 5, "width": 10, "red": 0, "green": 128, "blue": 255, "alpha": 0.555,
             "points": [{"x": 1.00005, "y": -2, "id": 3}, {"x": 0, "y": 0}]}
            """);
        var stroke = StrokeRequest.Parse(body.RootElement, out var error);
        Assert.NotNull(stroke);
        Assert.Equal("", error);
        Assert.Equal((10, 0, 128, 255, 0.56m), (stroke.Width, stroke.Red, stroke.Green, stroke.Blue, stroke.Alpha));
        Assert.Equal([new(1.0001m, -2m), new(0m, 0m)], stroke.Points);
    }

    [Theory]
    [InlineData("""{"name": "a", "canvas_width": 1, "canvas_height": 10000}""", null)]
    [InlineData("""{"name": "a", "canvas_width": 1, "canvas_height": 10001}""", "canvas_height")]
    [InlineData("""{"name": "a", "canvas_width": "1", "canvas_height": 1}""", "canvas_width")]
    [InlineData("""{"name": 1, "canvas_width": 1, "canvas_height": 1}""", "name")]
    public void Room_bodies_name_the_offending_field(string json, string? field)
    {
        using var body = JsonDocument.Parse(json);
        var room = RoomRequest.Parse(body.RootElement, out var error);
        if (field is null) Assert.NotNull(room);
        else
        {
            Assert.Null(room);
            Assert.Contains(field, error);
        }
    }
}
