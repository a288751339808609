using ColdStart.Analysis.Reporting.Internal;

namespace ColdStart.Analysis.Tests.Reporting;

/// <summary>The counted histogram answers every rank exactly as the sorted sample list does.</summary>
public class CountedHistogramTests
{
    public static TheoryData<string, int, int> Shapes => new()
    {
        // name, samples, spread of values: few distinct values, jittered µs, the full range with negatives (int.MaxValue)
        { "few distinct", 20_000, 50 },
        { "jittered microseconds", 50_000, 2_000_000 },
        { "every long", 30_000, int.MaxValue },
        { "few samples", 60, 1_000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ranks_min_max_and_counts_match_a_sorted_list(string shape, int samples, int spread)
    {
        var random = new Random(shape.Length * 7919);
        var histogram = new CountedHistogram<long>();
        var list = new List<long>();
        for (var i = 0; i < samples; i++)
        {
            long value = spread == int.MaxValue ? random.NextInt64(long.MinValue, long.MaxValue) : random.Next(spread);
            histogram.Add(value);
            list.Add(value);

            // ranks asked mid-way merge what is pending: the next values go into a new pending buffer
            if (i == samples / 3)
            {
                Assert.Equal(Percentiles.Rank(list.Order().Select(v => (double)v).ToList(), 50), histogram.Rank(50));
            }
        }

        AssertHolds(list, histogram.Count, histogram.Min, histogram.Max, histogram.Rank, histogram.Values());
    }

    public static TheoryData<string, int, int, int> PackedShapes => new()
    {
        // name, samples, lowest value, spread: as above, and values that cross 16-bit boundaries and zero often
        { "few distinct", 20_000, 0, 50 },
        { "jittered microseconds", 50_000, 0, 2_000_000 },
        { "every int", 30_000, int.MinValue, int.MaxValue },
        { "below the radix threshold", 60, 0, 1_000 },
        { "around a 16-bit boundary", 40_000, 65_536 - 300, 600 },
        { "around zero", 40_000, -70_000, 140_000 },
        { "many runs", 40_000, 0, 50_000_000 },
    };

    [Theory]
    [MemberData(nameof(PackedShapes))]
    public void The_packed_histogram_ranks_as_a_sorted_list(string shape, int samples, int lowest, int spread)
    {
        var random = new Random(shape.Length * 7907);
        var histogram = new PackedIntHistogram();
        var list = new List<int>();
        for (var i = 0; i < samples; i++)
        {
            var value = spread == int.MaxValue ? random.Next(int.MinValue, int.MaxValue) : lowest + random.Next(spread);
            histogram.Add(value);
            list.Add(value);

            // ranks asked now and then merge what is pending: later values merge into runs already there
            if (i % (samples / 7 + 1) == 0)
            {
                var sortedSoFar = list.Order().ToList();
                Assert.Equal(sortedSoFar[(int)Math.Ceiling(0.5 * sortedSoFar.Count) - 1], histogram.Rank(50));
                Assert.Equal(sortedSoFar[^1], histogram.Max);
            }
        }

        AssertHolds(list, histogram.Count, histogram.Min, histogram.Max, histogram.Rank, histogram.Values());
    }

    /// <summary>Every figure of a histogram against the samples sorted: count, min, max, percentiles as
    /// <see cref="Percentiles.Rank"/> gives them, and each distinct value with its count, in order.</summary>
    private static void AssertHolds<T>(List<T> samples, int count, T min, T max, Func<double, T> rank, IEnumerable<(T Value, int Count)> values)
        where T : struct
    {
        var sorted = samples.Order().ToList();
        Assert.Equal(sorted.Count, count);
        Assert.Equal(sorted[0], min);
        Assert.Equal(sorted[^1], max);
        foreach (var p in new[] { 1, 10, 50, 90, 99, 99.9, 100 })
        {
            Assert.Equal(Percentiles.Rank(sorted.Select(v => Convert.ToDouble(v)).ToList(), p), Convert.ToDouble(rank(p)));
        }

        Assert.Equal(sorted.GroupBy(v => v).Select(g => (g.Key, g.Count())), values);
    }
}
