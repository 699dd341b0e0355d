using System.Globalization;

namespace IsuBench.Scenarios.Api;

/// <summary>A room the bench creates: its name and canvas.</summary>
public sealed record NewRoom(string Name, int CanvasWidth, int CanvasHeight)
{
    /// <summary>The room every scenario of the original created: a numbered chair-drawing room on a 1024x768 canvas.</summary>
    public static NewRoom Numbered(Random random) =>
        new($"ひたすら椅子を描く部屋【{random.Next(1000, 2000).ToString(CultureInfo.InvariantCulture)}】", 1024, 768);
}
