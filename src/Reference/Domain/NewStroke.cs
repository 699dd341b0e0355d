namespace IsuBench.Reference.Domain;

/// <summary>A validated stroke to store; coordinates already rounded to what the database keeps.</summary>
public sealed record NewStroke(int Width, int Red, int Green, int Blue, decimal Alpha, IReadOnlyList<NewPoint> Points);

/// <summary>A validated point of a <see cref="NewStroke"/>.</summary>
public readonly record struct NewPoint(decimal X, decimal Y);
