using System.Text.Json;
using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>The same events given twice (a file twice, a copy, overlapping exports) are counted once.</summary>
public class DuplicateInputTests
{
    private const string StreamA = "2024/05/01/[$LATEST]aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string StreamB = "2024/05/01/[$LATEST]bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static string[] Environment(string request, string second) =>
        [InitStart(), Wrapper(), .. InitImports(), Start(request), .. LazyImports(), "processing", "processing", End(request), Report(request, 15.74, init: 130.49), Start(second), End(second), Report(second, 2)];

    /// <summary>Two environments' events in time order, several events in one millisecond (as CloudWatch stamps them).</summary>
    internal static List<(string Stream, long Millis, string Message)> Events()
    {
        var a = Environment(RequestA, RequestB).Select((m, i) => (StreamA, T0.ToUnixTimeMilliseconds() + i / 3 * 2, m));
        var b = Environment(RequestC, "22222222-2222-4222-8222-222222222222").Select((m, i) => (StreamB, T0.ToUnixTimeMilliseconds() + 1 + i / 3 * 2, m));
        return [.. a.Concat(b).OrderBy(e => e.Item2)];
    }

    internal static string Tail(IEnumerable<(string Stream, long Millis, string Message)> events) => string.Concat(events.Select(e =>
        $"{DateTimeOffset.FromUnixTimeMilliseconds(e.Millis):yyyy-MM-ddTHH:mm:ss.ffffff}+00:00 {e.Stream} {e.Message}\n"));

    private static string FilterLogEvents(IEnumerable<(string Stream, long Millis, string Message)> events) => JsonSerializer.Serialize(new
    {
        events = events.Select(e => new { logStreamName = e.Stream, timestamp = e.Millis, message = e.Message + "\n" }),
    }, new JsonSerializerOptions { WriteIndented = true });

    private static object Model(ParseResult r) => new
    {
        ColdStarts = string.Join(";", r.ColdStarts.Select(c => $"{c.Stream}:{c.InitImportMicros}:{c.FirstInvocationImportMicros}:{c.AllImports.Count()}")),
        Invocations = string.Join(";", r.Invocations.Select(i => $"{i.Stream}:{i.RequestId}:{i.IsColdStart}")),
        r.LinesUsed,
        r.LinesIgnored,
    };

    [Fact]
    public void Overlapping_exports_given_in_any_order_give_the_model_of_the_whole_and_say_how_many_lines_were_dropped()
    {
        var events = Events();
        var whole = Parse.Text(Tail(events));
        var early = events[..(events.Count * 7 / 10)];
        var late = events[(events.Count * 3 / 10)..];

        var result = LogParser.Parse([LogSource.FromText("late.log", Tail(late)), LogSource.FromText("early.log", Tail(early))]);

        Assert.Equal(Model(whole), Model(result));
        Assert.Equal(early.Count + late.Count - events.Count, result.DuplicateEventsDropped);
        Assert.Equal(2, whole.ColdStarts.Count);
        Parse.AssertAccounted(result);
        // sources keep the order they were given in
        Assert.Equal(["late.log", "early.log"], result.Sources.Select(s => s.Name));
    }

    [Fact]
    public void A_json_export_and_a_tail_export_of_overlapping_ranges_are_deduplicated_against_each_other()
    {
        var events = Events();
        var whole = Parse.Text(Tail(events));

        var result = LogParser.Parse([LogSource.FromText("early.json", FilterLogEvents(events[..(events.Count / 2 + 5)])), LogSource.FromText("late.log", Tail(events[(events.Count / 2 - 5)..]))]);

        Assert.Equal(Model(whole), Model(result));
        Assert.Equal(10, result.DuplicateEventsDropped);
    }

    [Fact]
    public void The_same_line_twice_in_one_millisecond_of_one_input_is_kept_twice()
    {
        var events = Events();

        var result = Parse.Text(Tail(events));

        Assert.Equal(0, result.DuplicateEventsDropped);
        Assert.Equal(events.Count(e => e.Message == "processing"), result.LinesIgnored);
    }

    [Fact]
    public void Lines_repeated_in_one_millisecond_are_matched_one_for_one_across_inputs()
    {
        var events = Events();
        var firstProcessing = events.FindIndex(e => e.Message == "processing");
        // the early export ends between the two identical lines; the late one starts with both
        var early = events[..(firstProcessing + 1)];
        var late = events[firstProcessing..];

        var result = LogParser.Parse([LogSource.FromText("early.log", Tail(early)), LogSource.FromText("late.log", Tail(late))]);

        Assert.Equal(1, result.DuplicateEventsDropped);
        Assert.Equal(events.Count(e => e.Message == "processing"), result.LinesIgnored);
    }

    [Fact]
    public void A_stream_going_back_in_time_is_refused_with_the_file_the_offset_and_the_stream()
    {
        var events = Events();
        var backwards = events.Where(e => e.Stream == StreamA).Reverse().ToList();

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(Tail(backwards), name: "reversed.log"));

        Assert.StartsWith("'reversed.log': the event at byte ", error.Message);
        Assert.Contains($"in log stream {StreamA} is older than events already read", error.Message);
        Assert.NotNull(error.ByteOffset);
    }

    [Fact]
    public void An_application_json_log_line_stamped_before_the_event_that_carries_it_is_not_out_of_order()
    {
        // Lambda's JSON log format: the runtime stamps the record, CloudWatch stamps the event a little later
        var lines = Events().Where(e => e.Stream == StreamA).ToList();
        var withAppLog = lines.Take(5).Append((StreamA, lines[4].Millis + 5, $$"""{"timestamp": "{{DateTimeOffset.FromUnixTimeMilliseconds(lines[4].Millis - 100):yyyy-MM-ddTHH:mm:ss.fffZ}}", "level": "INFO", "message": "loaded"}"""))
            .Concat(lines.Skip(5).Select(e => (e.Stream, e.Millis + 5, e.Message)));

        var result = Parse.Text(Tail(withAppLog));

        Assert.Single(result.ColdStarts);
    }

    [Fact]
    public void The_same_file_twice_or_a_copy_is_skipped_whole()
    {
        using var dir = new TempDirectory();
        var console = string.Join("\n", Environment(RequestA, RequestB)) + "\n";
        var path = dir.Write("console.log", console);
        var copy = dir.Write("copy.log", console);

        var once = LogParser.Parse([LogSource.FromFile(path)]);
        var thrice = LogParser.Parse([LogSource.FromFile(path), LogSource.FromFile(path), LogSource.FromFile(copy)]);

        Assert.Equal(Model(once), Model(thrice));
        Assert.Equal([null, path, path], thrice.Sources.Select(s => s.DuplicateOf));
        Assert.Equal([InputFormat.LambdaText, InputFormat.LambdaText, InputFormat.LambdaText], thrice.Sources.Select(s => s.DetectedFormat));
    }

    [Fact]
    public void Fingerprints_are_kept_only_for_the_overlap()
    {
        var dedup = new EventDeduplicator();
        var stream = new StreamState("s", namedAfterSource: false);
        var line = "import time:       120 |        120 |   _json"u8.ToArray();

        // input 0 covers ms 0..9999; input 1 starts at 9000: only input 0's last 1000 ms are fingerprinted
        dedup.BeginInput(0, 0, 9000);
        for (var ms = 0; ms < 10_000; ms++)
        {
            Assert.Equal(EventVerdict.New, dedup.Admit(stream, ms, line));
        }

        Assert.Equal(1000, dedup.Fingerprints);
        dedup.BeginInput(1, 9000, long.MaxValue);
        for (var ms = 9000; ms < 20_000; ms++)
        {
            Assert.Equal(ms < 10_000 ? EventVerdict.Duplicate : EventVerdict.New, dedup.Admit(stream, ms, line));
        }

        // the last input keeps none of its own
        Assert.Equal(1000, dedup.Fingerprints);
        dedup.BeginInput(2, 20_000, long.MaxValue);
        Assert.Equal(0, dedup.Fingerprints);
    }
}
