using IsuBench.Reference.Domain;

namespace IsuBench.Tests.Reference.Domain;

public sealed class InputLimitsTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("ひたすら椅子を描く部屋【1】", true)]
    [InlineData("", false)]
    [InlineData("tab\there", false)]
    [InlineData("del\u007f", false)]
    [InlineData("c1\u0085", false)]
    public void Room_names_need_1_to_255_printable_code_points(string name, bool valid)
    {
        Assert.Equal(valid, InputLimits.CheckRoomName(name) is null);
    }

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.NotNull(InputLimits.CheckRoomName("lone " + (char)0xD800 + " high"));
        Assert.NotNull(InputLimits.CheckRoomName("lone " + (char)0xDC00 + " low"));
        Assert.NotNull(InputLimits.CheckRoomName("ends high " + (char)0xD83E));
    }

    [Fact]
    public void The_name_length_counts_code_points_not_utf16_units()
    {
        Assert.Null(InputLimits.CheckRoomName(string.Concat(Enumerable.Repeat("🪑", 255))));
        Assert.NotNull(InputLimits.CheckRoomName(string.Concat(Enumerable.Repeat("🪑", 256))));
        Assert.Null(InputLimits.CheckRoomName(new string('a', 255)));
        Assert.NotNull(InputLimits.CheckRoomName(new string('a', 256)));
    }

    [Theory]
    [InlineData(1.23456, 1.2346)]
    [InlineData(-1.23454, -1.2345)]
    [InlineData(999999.9999, 999999.9999)]
    [InlineData(-999999.99994, -999999.9999)]
    public void Coordinates_are_rounded_to_what_the_database_keeps(double value, double stored)
    {
        Assert.Equal((decimal)stored, InputLimits.ToStoredCoordinate(value));
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(-1_000_000)]
    [InlineData(999999.99995)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.MaxValue)]
    public void Coordinates_out_of_range_are_refused(double value)
    {
        Assert.Null(InputLimits.ToStoredCoordinate(value));
    }
}
