using System.Globalization;

namespace IsuBench.Bench.Reports.Charts;

/// <summary>Maps data values to pixels along one axis, linear or logarithmic, with readable tick values.</summary>
internal sealed class AxisScale
{
    private readonly double _min;
    private readonly double _max;
    private readonly double _pixelFrom;
    private readonly double _pixelTo;

    private AxisScale(double min, double max, bool logarithmic, IReadOnlyList<double> ticks, double pixelFrom, double pixelTo)
    {
        _min = min;
        _max = max;
        Logarithmic = logarithmic;
        Ticks = ticks;
        _pixelFrom = pixelFrom;
        _pixelTo = pixelTo;
    }

    /// <summary>True for a log10 axis.</summary>
    public bool Logarithmic { get; }

    /// <summary>The values that get a grid line and a label.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>A linear axis from <paramref name="dataMin"/> to at least <paramref name="dataMax"/>, rounded out to tick values.</summary>
    public static AxisScale Linear(double dataMin, double dataMax, double pixelFrom, double pixelTo, int tickCount = 5)
    {
        if (!double.IsFinite(dataMin)) dataMin = 0;
        if (!double.IsFinite(dataMax) || dataMax <= dataMin) dataMax = dataMin + 1;
        double step = NiceStep((dataMax - dataMin) / tickCount);
        double min = Math.Floor(dataMin / step) * step;
        double max = Math.Ceiling(dataMax / step) * step;
        var ticks = new List<double>();
        for (double t = min; t <= max + step / 2; t += step) ticks.Add(Math.Round(t, 10));
        return new AxisScale(min, max, false, ticks, pixelFrom, pixelTo);
    }

    /// <summary>A log10 axis covering the positive values between <paramref name="dataMin"/> and <paramref name="dataMax"/>, by decades.</summary>
    public static AxisScale Log(double dataMin, double dataMax, double pixelFrom, double pixelTo)
    {
        double low = Math.Floor(Math.Log10(Math.Max(dataMin, 0.01)));
        double high = Math.Ceiling(Math.Log10(Math.Max(dataMax, Math.Pow(10, low + 1))));
        if (high <= low) high = low + 1;
        var ticks = new List<double>();
        for (double e = low; e <= high; e++) ticks.Add(Math.Pow(10, e));
        return new AxisScale(Math.Pow(10, low), Math.Pow(10, high), true, ticks, pixelFrom, pixelTo);
    }

    /// <summary>The pixel coordinate of <paramref name="value"/> (clamped to the axis).</summary>
    public double Map(double value)
    {
        double fraction = Logarithmic
            ? (Math.Log10(Math.Clamp(value, _min, _max)) - Math.Log10(_min)) / (Math.Log10(_max) - Math.Log10(_min))
            : (Math.Clamp(value, _min, _max) - _min) / (_max - _min);
        return _pixelFrom + fraction * (_pixelTo - _pixelFrom);
    }

    /// <summary>A short label for a tick value (1.5k, 2M, 0.1).</summary>
    public static string Label(double value)
    {
        double abs = Math.Abs(value);
        if (abs >= 1_000_000) return (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M";
        if (abs >= 10_000) return (value / 1_000).ToString("0.##", CultureInfo.InvariantCulture) + "k";
        return value.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rough)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double normalized = rough / magnitude;
        double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
