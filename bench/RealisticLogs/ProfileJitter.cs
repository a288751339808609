namespace ColdStart.Bench.Logs;

/// <summary>
/// Makes each generated cold start's timings differ, as real ones do: every row's µs scaled by a factor per cold
/// start (a slower or faster environment) and by noise per row, kept whole and consistent (a parent's cumulative is
/// its self + its children's cumulative + its own unexplained remainder, all scaled alike).
/// </summary>
public static class ProfileJitter
{
    /// <summary>Per-row noise: uniform in ±this share.</summary>
    public const double RowNoise = 0.25;

    /// <summary>A cold start's factor: log-normal around 1 (σ 0.2), kept within 0.6–1.8.</summary>
    public static double ColdStartFactor(Random random)
    {
        // Box–Muller
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(Math.Exp(0.2 * normal), 0.6, 1.8);
    }

    /// <summary>The rows (printed order: children before parents) with jittered, consistent times.</summary>
    public static ImportRow[] Apply(IReadOnlyList<ImportRow> rows, double factor, Random random)
    {
        var result = new ImportRow[rows.Count];
        // per depth: the printed and the jittered cumulative of finished rows still waiting for their parent
        var printed = new List<long>();
        var jittered = new List<long>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            while (printed.Count <= row.Depth + 1)
            {
                printed.Add(0);
                jittered.Add(0);
            }

            var childrenPrinted = printed[row.Depth + 1];
            var childrenJittered = jittered[row.Depth + 1];
            for (var d = row.Depth + 1; d < printed.Count; d++)
            {
                printed[d] = jittered[d] = 0;
            }

            var remainder = Math.Max(0, row.Cumulative - row.Self - childrenPrinted);
            var self = Scale(row.Self, factor, random);
            var cumulative = self + childrenJittered + Scale(remainder, factor, random);
            result[i] = row with { Self = self, Cumulative = cumulative };
            printed[row.Depth] += row.Cumulative;
            jittered[row.Depth] += cumulative;
        }

        return result;
    }

    private static long Scale(long micros, double factor, Random random) =>
        (long)Math.Round(micros * factor * (1 + RowNoise * (2 * random.NextDouble() - 1)));
}
