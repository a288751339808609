using System.Text;
using ColdStart.Analysis.Tests.Support;
using CsCheck;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Random bytes never crash the parser, and every line is accounted for.</summary>
public class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "import time:", " | ", "self [us]", "cumulative", "imported package", "cached", "START RequestId: ", "END RequestId: ",
        "REPORT RequestId: ", "\tDuration: ", " ms", "INIT_START Runtime Version: ", "INIT_REPORT Init Duration: ",
        "coldstart: importtime profile start", "; init_type=", "{\"type\":\"platform.report\",\"record\":{", "{\"message\":\"",
        "\"}", "[{", "]", "2024-05-01T10:00:00.000000+00:00 ", "2024/05/01/[$LATEST]abc ", "\n", "\r\n", "  ", "12345", "\u00e9", "\uFEFF",
    ];

    private static long PhysicalLines(byte[] bytes)
    {
        var text = bytes.AsSpan();
        if (text.StartsWith(Encoding.UTF8.GetPreamble()))
        {
            text = text[3..];
        }

        var newlines = text.Count((byte)'\n');
        return newlines + (text.Length > 0 && text[^1] != (byte)'\n' ? 1 : 0);
    }

    [Fact]
    public void Random_bytes_are_accounted_line_by_line_or_refused_with_a_place()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            ParseResult result;
            try
            {
                result = Parse.Bytes(bytes);
            }
            catch (LogSourceException e)
            {
                // bytes that begin like a JSON document ("[{") and then break it, or a gzip header with no stream behind it
                Assert.DoesNotContain('\n', e.Message);
                Assert.InRange(e.ByteOffset ?? -1, 0, bytes.Length);
                return;
            }

            Parse.AssertAccounted(result);
            if (result.Sources[0].DetectedFormat != InputFormat.CloudWatchJson)
            {
                Assert.Equal(PhysicalLines(bytes), result.LinesRead);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Random_mixes_of_log_fragments_are_accounted_line_by_line_or_refused_with_a_place()
    {
        Gen.Int[0, Fragments.Length - 1].Array[0, 300].Sample(picks =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Concat(picks.Select(p => Fragments[p])));

            ParseResult result;
            try
            {
                result = Parse.Bytes(bytes);
            }
            catch (LogSourceException e)
            {
                // several environments without stream names, events out of time order, a broken JSON document
                Assert.DoesNotContain('\n', e.Message);
                Assert.InRange(e.ByteOffset ?? -1, 0, bytes.Length);
                return;
            }

            Parse.AssertAccounted(result);
            if (result.Sources[0].DetectedFormat != InputFormat.CloudWatchJson)
            {
                Assert.Equal(PhysicalLines(bytes), result.LinesRead);
            }

            Assert.All(result.ColdStarts.SelectMany(c => c.AllImports), n => Assert.Equal(n.Parent is null ? 0 : n.Parent.Depth + 1, n.Depth));
        }, iter: 2000);
    }

    [Fact]
    public void Random_bytes_inside_a_json_export_are_accounted()
    {
        Gen.Int[0, Fragments.Length - 1].Array[0, 100].Sample(picks =>
        {
            var message = string.Concat(picks.Select(p => Fragments[p]));
            var json = "{\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1,\"message\":" + System.Text.Json.JsonSerializer.Serialize(message) + "}]," + message + "]}";

            ParseResult result;
            try
            {
                result = LogParser.Parse([LogSource.FromText("events.json", json)], new ParseOptions { AllowPartial = true });
            }
            catch (LogSourceException e) when (e.Message.Contains("Logs Insights", StringComparison.Ordinal) || e.Message.Contains("out of time order", StringComparison.Ordinal)
                || e.Message.Contains("mixes several execution environments", StringComparison.Ordinal))
            {
                return;
            }

            Parse.AssertAccounted(result);
            Assert.Equal(InputFormat.CloudWatchJson, result.Sources[0].DetectedFormat);
        }, iter: 1000);
    }
}
