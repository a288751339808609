namespace ColdStart.Bench;

/// <summary>Summary of one variant's wall-clock start-up times, in milliseconds.</summary>
internal sealed record Stats(double Mean, double Median, double P90, double Min)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Stats(sorted.Average(), Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[0]);
    }

    // Linear interpolation between closest ranks.
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
