namespace ColdStart.Lab;

/// <summary>How much one figure varied across a function's cold starts.</summary>
/// <param name="Figure">What was measured, in words (e.g. "init-phase imports").</param>
/// <param name="Count">Cold starts that have the figure.</param>
/// <param name="MedianMs">Median (nearest rank), null without values.</param>
/// <param name="MinMs">Smallest value.</param>
/// <param name="MaxMs">Largest value.</param>
public sealed record Spread(string Figure, int Count, double? MedianMs, double? MinMs, double? MaxMs)
{
    /// <summary>Above this spread a figure is called noisy.</summary>
    public const double NoisyPercent = 20;

    /// <summary>(max − min) / median in percent; null with fewer than two values or a zero median.</summary>
    public double? SpreadPercent => Count >= 2 && MedianMs is > 0 ? (MaxMs - MinMs) / MedianMs * 100 : null;

    /// <summary>Whether <see cref="SpreadPercent"/> exceeds <see cref="NoisyPercent"/>.</summary>
    public bool IsNoisy => SpreadPercent > NoisyPercent;

    /// <summary>The spread of the known <paramref name="values"/>: an unknown (null) value is left out, never taken as 0.</summary>
    public static Spread Of(string figure, IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToArray();
        return sorted.Length == 0
            ? new Spread(figure, 0, null, null, null)
            : new Spread(figure, sorted.Length, Analysis.Percentiles.Rank(sorted, 50), sorted[0], sorted[^1]);
    }
}
