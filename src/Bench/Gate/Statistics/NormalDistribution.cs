namespace IsuBench.Bench.Gate.Statistics;

/// <summary>The standard normal distribution's upper tail, to double precision.</summary>
public static class NormalDistribution
{
    /// <summary>P(Z ≥ <paramref name="z"/>) for a standard normal Z.</summary>
    public static double UpperTail(double z)
    {
        if (double.IsNaN(z)) return double.NaN;
        return 0.5 * ComplementaryErrorFunction(z / Math.Sqrt(2));
    }

    /// <summary>erfc(<paramref name="x"/>) = 1 − erf(x).</summary>
    public static double ComplementaryErrorFunction(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - ComplementaryErrorFunction(-x);
        // erfc(27) is below the smallest double.
        if (x > 27) return 0;
        // Below 2, 1 − erf loses at most about two of sixteen digits; above, the continued fraction converges fast.
        return x < 2 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    // erf(x) = 2/√π · e^(−x²) · Σ (2x²)ⁿ x / (1·3·…·(2n+1)) (Abramowitz and Stegun 7.1.6): positive terms only, so no
    // cancellation for small x.
    private static double ErfSeries(double x)
    {
        double twoXSquared = 2 * x * x;
        double term = x, sum = x;
        for (int n = 1; n < 200 && term > sum * 1e-17; n++)
        {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))) (Abramowitz and Stegun 7.1.14),
    // evaluated with the modified Lentz method.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double fraction = x, c = x, d = 0;
        for (int j = 1; j < 500; j++)
        {
            double a = j / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + a / c;
            if (Math.Abs(c) < tiny) c = tiny;
            double delta = c * d;
            fraction *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / fraction;
    }
}
