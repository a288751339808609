using System.IO.Compression;
using System.Text;
using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>CloudWatch Logs exports to S3 are gzip files: read as they are, and a cut or corrupt one is incomplete input.</summary>
public class CompressedInputTests
{
    internal static string Log() => string.Join("\n", [
        LambdaLines.InitStart(), LambdaLines.Wrapper(), .. LambdaLines.InitImports(), LambdaLines.Start(LambdaLines.RequestA),
        .. LambdaLines.LazyImports(), LambdaLines.End(LambdaLines.RequestA), LambdaLines.Report(LambdaLines.RequestA, 15.74, init: 130.49)]) + "\n";

    internal static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    [Fact]
    public void A_gzip_file_gives_the_same_model_as_the_text_and_says_it_was_compressed()
    {
        var plain = Parse.Text(Log());

        var result = Parse.Bytes(Gzip(Log()), "export.gz");

        Assert.True(Assert.Single(result.Sources).Compressed);
        Assert.Equal(InputFormat.LambdaText, result.Sources[0].DetectedFormat);
        Assert.Equal(plain.ColdStarts[0].AllImports.Select(n => (n.Name, n.CumulativeMicros, n.Phase)), result.ColdStarts[0].AllImports.Select(n => (n.Name, n.CumulativeMicros, n.Phase)));
        Assert.Equal(Encoding.UTF8.GetByteCount(Log()), result.BytesRead);
    }

    [Fact]
    public void Concatenated_gzip_members_are_one_input()
    {
        var log = Log();
        var half = log.IndexOf("START", StringComparison.Ordinal);

        var result = Parse.Bytes([.. Gzip(log[..half]), .. Gzip(log[half..])], "export.gz");

        Assert.Single(result.ColdStarts);
        Assert.Equal(log.Count(c => c == '\n'), result.LinesRead);
    }

    [Fact]
    public void A_truncated_gzip_file_is_refused_and_read_up_to_the_cut_with_partial_reads_allowed()
    {
        var gzip = Gzip(Log());
        var cut = gzip[..^5];

        var error = Assert.Throws<LogSourceException>(() => Parse.Bytes(cut, "export.gz"));
        var partial = LogParser.Parse([new LogSource("export.gz", () => new MemoryStream(cut))], new ParseOptions { AllowPartial = true });

        Assert.Contains("'export.gz': the gzip stream is truncated at byte", error.Message);
        Assert.Equal("the gzip stream is truncated", Assert.Single(partial.PartialInputs).Partial!.Reason);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_refused()
    {
        var gzip = Gzip(string.Concat(Enumerable.Repeat(Log(), 50)));
        gzip[gzip.Length / 2] ^= 0xFF;

        var error = Assert.Throws<LogSourceException>(() => Parse.Bytes(gzip, "export.gz"));

        Assert.Contains("the gzip stream", error.Message);
        Assert.NotNull(error.ByteOffset);
    }
}
