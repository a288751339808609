using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Python 3.14 <c>-X importtime=2</c> rows for modules already loaded.</summary>
public class CachedRowTests
{
    [Fact]
    public void Cached_row_with_a_padded_name_is_placed_at_its_real_depth()
    {
        var result = Parse.Lines(
            ImportTimeText.Header,
            ImportTimeText.Row(100, 100, 2, "_json"),
            ImportTimeText.CachedRow(2, "re"),
            ImportTimeText.Row(300, 400, 1, "json.decoder"),
            ImportTimeText.CachedRow(1, "os"),
            ImportTimeText.Row(900, 1300, 0, "json"));

        var json = Assert.Single(Assert.Single(result.ColdStarts).Roots);
        Assert.Equal(["json.decoder", "os"], json.Children.Select(c => c.Name));
        Assert.Equal(["_json", "re"], json.Children[0].Children.Select(c => c.Name));
        var cached = json.Children[0].Children[1];
        Assert.True(cached.Cached);
        Assert.Equal(2, cached.Depth);
        Assert.Equal(0, cached.CumulativeMicros);
        Assert.Equal(0, result.Skipped.Total);
    }

    [Fact]
    public void Cached_row_whose_name_fills_its_field_takes_the_previous_rows_depth()
    {
        var result = Parse.Lines(
            ImportTimeText.Header,
            ImportTimeText.Row(100, 100, 1, "_json"),
            ImportTimeText.CachedRow(1, "collections.abc"),
            ImportTimeText.Row(900, 1000, 0, "json"));

        var json = Assert.Single(Assert.Single(result.ColdStarts).Roots);
        Assert.Equal(["_json", "collections.abc"], json.Children.Select(c => c.Name));
        Assert.True(json.Children[1].Cached);
    }

    [Fact]
    public void Cached_root_is_a_root()
    {
        var result = Parse.Lines(ImportTimeText.Header, ImportTimeText.Row(10, 10, 0, "a"), ImportTimeText.CachedRow(0, "sys"));

        Assert.Equal(["a", "sys"], Assert.Single(result.ColdStarts).Roots.Select(r => r.Name));
    }
}
