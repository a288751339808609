using CsCheck;

namespace ColdStart.Analysis.Tests.Reporting;

public class PercentilesTests
{
    [Fact]
    public void Nearest_rank_of_one_to_ten()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 10).Select(i => (double)i).Reverse());

        Assert.Equal(new Percentiles(10, 5, 9, 10, 10), p);
    }

    [Fact]
    public void Empty_sample_has_no_percentiles()
    {
        Assert.Equal(Percentiles.Empty, Percentiles.Of([]));
        Assert.Equal(Percentiles.Empty, Percentiles.Of([double.NaN]));
    }

    [Fact]
    public void Percentile_is_a_sample_value_with_at_least_p_percent_at_or_below_it()
    {
        Gen.Double[0, 1000].Array[1, 200].Sample(values =>
        {
            var p = Percentiles.Of(values);

            foreach (var (percent, value) in new[] { (50.0, p.P50!.Value), (90.0, p.P90!.Value), (99.0, p.P99!.Value) })
            {
                Assert.Contains(value, values);
                Assert.True(values.Count(v => v <= value) >= percent / 100 * values.Length);
                Assert.True(values.Count(v => v < value) < percent / 100 * values.Length);
            }

            Assert.Equal(values.Max(), p.Max);
        }, iter: 300);
    }

    [Fact]
    public void Rank_outside_0_to_100_is_rejected_naming_the_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Rank([1.0], 120));

        Assert.Contains("(0, 100]", error.Message);
        Assert.Equal(120.0, error.ActualValue);
    }
}
