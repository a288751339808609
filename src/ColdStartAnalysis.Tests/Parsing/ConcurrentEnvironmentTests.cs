using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>
/// Lines of several execution environments interleaved with nothing to tell them apart (<c>aws logs tail --format short</c>,
/// console copies of several streams) are refused; with stream names they are read apart.
/// </summary>
public class ConcurrentEnvironmentTests
{
    private const string StreamA = "2024/05/01/[$LATEST]aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string StreamB = "2024/05/01/[$LATEST]bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    /// <summary>Environment B starts its init while A's is still running, as two cold starts at once do.</summary>
    private static (string Stream, string Message)[] Overlapping() =>
    [
        (StreamA, InitStart()), (StreamA, Wrapper()), (StreamA, ImportTimeText.Header), (StreamA, ImportTimeText.Row(120, 120, 1, "_json")),
        (StreamB, InitStart()), (StreamB, Wrapper()), (StreamB, ImportTimeText.Header), (StreamB, ImportTimeText.Row(130, 130, 1, "_json")),
        (StreamA, ImportTimeText.Row(900, 1020, 0, "json")), (StreamB, ImportTimeText.Row(950, 1080, 0, "json")),
        (StreamA, Start(RequestA)), (StreamB, Start(RequestB)), (StreamA, End(RequestA)), (StreamA, Report(RequestA, 5, init: 100)),
        (StreamB, End(RequestB)), (StreamB, Report(RequestB, 6, init: 110)),
    ];

    private static string Tail((string Stream, string Message)[] lines, bool withStreams) => string.Concat(lines.Select((l, i) =>
        $"2024-05-01T10:00:{i:00}.000000+00:00 {(withStreams ? l.Stream + " " : "")}{l.Message}\n"));

    [Fact]
    public void Tail_with_stream_names_reads_the_environments_apart()
    {
        var result = Parse.Text(Tail(Overlapping(), withStreams: true));

        Assert.Equal([StreamA, StreamB], result.ColdStarts.Select(c => c.Stream));
        Assert.All(result.ColdStarts, c => Assert.Equal(["json"], c.Roots.Select(r => r.Name)));
    }

    [Fact]
    public void Tail_format_short_of_overlapping_inits_is_refused_with_what_to_export_instead()
    {
        var error = Assert.Throws<LogSourceException>(() => Parse.Text(Tail(Overlapping(), withStreams: false), name: "short.log"));

        Assert.StartsWith("'short.log' mixes several execution environments (an INIT_START while another environment's init was still running, at byte ", error.Message);
        Assert.Contains("without --format short", error.Message);
        Assert.NotNull(error.ByteOffset);
    }

    [Fact]
    public void A_console_copy_of_two_streams_with_a_start_inside_another_request_is_refused()
    {
        string[] lines =
        [
            InitStart(), Wrapper(), .. InitImports(), Start(RequestA), Start(RequestB), End(RequestA), Report(RequestA, 5, init: 100), End(RequestB), Report(RequestB, 6),
        ];

        var error = Assert.Throws<LogSourceException>(() => Parse.Lines(lines));

        Assert.Contains($"a START while request {RequestA} was still running", error.Message);
    }

    [Fact]
    public void A_second_wrapper_line_during_an_init_is_refused_without_stream_names()
    {
        var error = Assert.Throws<LogSourceException>(() => Parse.Lines([InitStart(), Wrapper(), .. InitImports(), Wrapper(), .. InitImports(), Start(RequestA)]));

        Assert.Contains("a second wrapper line while an init was still running", error.Message);
    }

    [Fact]
    public void A_failed_init_then_a_new_init_start_is_one_environment_not_an_overlap()
    {
        var result = Parse.Lines(
        [
            InitStart(), Wrapper(), .. InitImports(),
            "INIT_REPORT Init Duration: 3000.00 ms\tPhase: init\tStatus: timeout",
            InitStart(), Wrapper(), .. InitImports(),
            Start(RequestA), End(RequestA), Report(RequestA, 5, init: 120),
        ]);

        Assert.Equal(2, result.ColdStarts.Count);
        Assert.Equal(RequestA, result.ColdStarts[1].FirstReport?.RequestId);
    }

    [Theory]
    [InlineData("timeout", true)]
    [InlineData("error", true)]
    [InlineData("success", false)]
    public void In_the_json_log_format_a_failed_init_report_lets_the_environment_init_again_inside_the_first_request(string status, bool accepted)
    {
        // Lambda retries a failed init inside the first invocation: its INIT_START comes while that request runs
        string[] lines =
        [
            LambdaJsonRecords.InitStart("on-demand"), .. InitImports(),
            LambdaJsonRecords.InitReport("on-demand", 3000, status),
            LambdaJsonRecords.Start(RequestA),
            LambdaJsonRecords.InitStart("on-demand"), .. InitImports(),
            LambdaJsonRecords.Report(RequestA, 5, initDurationMs: 120),
        ];

        if (accepted)
        {
            Assert.Equal(2, Parse.Lines(lines).ColdStarts.Count);
        }
        else
        {
            // after a successful init, an INIT_START during a request is another environment's
            Assert.Contains($"an INIT_START while request {RequestA} was still running", Assert.Throws<LogSourceException>(() => Parse.Lines(lines)).Message);
        }
    }

    [Fact]
    public void Environments_one_after_another_in_one_console_copy_are_not_an_overlap()
    {
        string[] one = [InitStart(), Wrapper(), .. InitImports(), Start(RequestA), End(RequestA), Report(RequestA, 5, init: 100)];
        string[] two = [InitStart(), Wrapper(), .. InitImports(), Start(RequestB), End(RequestB), Report(RequestB, 6, init: 110)];

        var result = Parse.Lines([.. one, .. two]);

        Assert.Equal(2, result.ColdStarts.Count);
    }
}
