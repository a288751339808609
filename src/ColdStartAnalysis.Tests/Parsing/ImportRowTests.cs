using System.Text;
using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

public class ImportRowTests
{
    private static ImportRowKind Parse(string line, out long self, out long cumulative, out int indent, out string name)
    {
        var kind = ImportRow.Parse(Encoding.UTF8.GetBytes(line), out self, out cumulative, out indent, out var nameBytes);
        name = Encoding.UTF8.GetString(nameBytes);
        return kind;
    }

    [Fact]
    public void Row_as_printed_by_cpython_gives_numbers_indentation_and_name()
    {
        var kind = Parse(ImportTimeText.Row(1234, 98765, 3, "email.mime.text"), out var self, out var cumulative, out var indent, out var name);

        Assert.Equal(ImportRowKind.Row, kind);
        Assert.Equal(1234, self);
        Assert.Equal(98765, cumulative);
        Assert.Equal(6, indent);
        Assert.Equal("email.mime.text", name);
    }

    [Fact]
    public void Numbers_wider_than_their_field_still_parse()
    {
        var kind = Parse("import time: 12345678901 | 123456789012 | big", out var self, out var cumulative, out _, out var name);

        Assert.Equal(ImportRowKind.Row, kind);
        Assert.Equal(12345678901, self);
        Assert.Equal(123456789012, cumulative);
        Assert.Equal("big", name);
    }

    [Fact]
    public void Header_is_recognised()
    {
        Assert.Equal(ImportRowKind.Header, Parse(ImportTimeText.Header, out _, out _, out _, out _));
    }

    [Fact]
    public void Cached_row_gives_the_padding_before_the_right_aligned_name()
    {
        var kind = Parse(ImportTimeText.CachedRow(4, "os"), out var self, out _, out var padding, out var name);

        Assert.Equal(ImportRowKind.CachedRow, kind);
        Assert.Equal(0, self);
        Assert.Equal(6, padding);
        Assert.Equal("os", name);
    }

    [Theory]
    [InlineData("import time:      1")]
    [InlineData("import time:       312 |   ")]
    [InlineData("import time:       312 |        400 | ")]
    [InlineData("import time:       abc |        400 | json")]
    [InlineData("import time: self [us] | cumul")]
    public void Cut_rows_are_truncated(string line)
    {
        Assert.Equal(ImportRowKind.Truncated, Parse(line, out _, out _, out _, out _));
    }

    [Fact]
    public void Rows_of_two_threads_mixed_on_one_line_are_interleaved()
    {
        Assert.Equal(ImportRowKind.Interleaved, Parse("import time:       210 | import time:        88 |         88 |     _strptime", out _, out _, out _, out _));
    }

    [Fact]
    public void Other_lines_are_not_import_lines()
    {
        Assert.Equal(ImportRowKind.NotImportLine, Parse("imported 3 rows", out _, out _, out _, out _));
    }
}
