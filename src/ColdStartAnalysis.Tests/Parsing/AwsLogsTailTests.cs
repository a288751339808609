using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

public class AwsLogsTailTests
{
    private const string StreamOne = "2024/05/01/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string StreamTwo = "2024/05/01/[$LATEST]aabbccddeeff00112233445566778899";

    private static string Detailed(int second, string stream, string message) =>
        $"2024-05-01T10:00:{second:00}.123000+00:00 {stream} {message}";

    [Fact]
    public void Interleaved_streams_are_rebuilt_as_separate_environments()
    {
        string[] one = [InitStart(), .. InitImports(), Start(RequestA), End(RequestA), Report(RequestA, 10, init: 100)];
        string[] two = [InitStart("python:3.12.v30"), .. InitImports(), Start(RequestB), .. LazyImports(), End(RequestB), Report(RequestB, 12, init: 90)];
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(one.Length, two.Length); i++)
        {
            if (i < one.Length)
            {
                lines.Add(Detailed(i % 60, StreamOne, one[i]));
            }

            if (i < two.Length)
            {
                lines.Add(Detailed(i % 60, StreamTwo, two[i]));
            }
        }

        var result = Parse.Lines([.. lines]);

        Assert.Equal(InputFormat.AwsLogsTail, Assert.Single(result.Sources).DetectedFormat);
        Assert.Equal([StreamOne, StreamTwo], result.ColdStarts.Select(c => c.Stream));
        Assert.Equal(["json", "app.handler"], result.ColdStarts[0].Roots.Select(r => r.Name));
        Assert.Equal(["json", "app.handler", "sqlite3"], result.ColdStarts[1].Roots.Select(r => r.Name));
        Assert.Equal("python:3.12.v30", result.ColdStarts[1].RuntimeVersion);
        Assert.Equal(RequestB, result.ColdStarts[1].Roots[2].RequestId);
        // the cold start begins at the header, the line after INIT_START
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, 123, TimeSpan.Zero), result.ColdStarts[0].Timestamp);
        Assert.Equal([StreamOne, StreamTwo], result.Invocations.Select(i => i.Stream));
    }

    [Fact]
    public void Short_format_without_stream_name_uses_the_source_as_stream()
    {
        string[] log = [.. InitImports(), Start(RequestA), End(RequestA), Report(RequestA, 10, init: 100)];
        var lines = log.Select((l, i) => $"2024-05-01T10:00:{i:00} {l}").ToArray();

        var result = Parse.Text(string.Join("\n", lines), name: "tail.txt");

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal("tail.txt", coldStart.Stream);
        Assert.Equal(2, coldStart.Roots.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), coldStart.Timestamp);
        Assert.Equal(100, coldStart.FirstReport?.InitDurationMs);
    }
}
