using System.Text.Json;
using ColdStart.Analysis.Tests.Support;
using static ColdStart.Analysis.Tests.Support.LambdaLines;

namespace ColdStart.Analysis.Tests.Parsing;

public class CloudWatchJsonTests
{
    private const string Stream = "2024/05/01/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static string[] Messages() =>
        [InitStart(), Wrapper(), .. InitImports(), Start(RequestA), .. LazyImports(), End(RequestA), Report(RequestA, 15.74, init: 130.49)];

    /// <summary>Shaped like <c>aws logs filter-log-events --output json</c>: each message ends with a newline.</summary>
    private static string FilterLogEvents(IEnumerable<string> messages, bool indented = true)
    {
        var events = messages.Select((m, i) => new Dictionary<string, object>
        {
            ["logStreamName"] = Stream,
            ["timestamp"] = 1714557600000L + i,
            ["message"] = m + "\n",
            ["ingestionTime"] = 1714557601000L + i,
            ["eventId"] = $"3786{i:D10}",
        });
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["events"] = events,
            ["searchedLogStreams"] = new[] { new { logStreamName = Stream, searchedCompletely = true } },
        }, new JsonSerializerOptions { WriteIndented = indented });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Filter_log_events_export_gives_the_same_model_as_the_text_log(bool indented)
    {
        var result = Parse.Text(FilterLogEvents(Messages(), indented));
        var text = Parse.Lines(Messages());

        Assert.Equal(InputFormat.CloudWatchJson, Assert.Single(result.Sources).DetectedFormat);
        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(Stream, coldStart.Stream);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714557600001), coldStart.Timestamp);
        Assert.Equal(text.ColdStarts[0].AllImports.Select(n => (n.Name, n.SelfMicros, n.CumulativeMicros, n.Depth, n.Phase, n.RequestId)),
            coldStart.AllImports.Select(n => (n.Name, n.SelfMicros, n.CumulativeMicros, n.Depth, n.Phase, n.RequestId)));
        Assert.Equal(Messages().Length, result.LinesRead);
        Assert.Equal(130.49, Assert.Single(result.Invocations).Metrics.InitDurationMs);
    }

    [Fact]
    public void Get_log_events_without_stream_names_uses_the_source_name()
    {
        var json = JsonSerializer.Serialize(new
        {
            events = Messages().Select((m, i) => new { timestamp = 1714557600000L + i, message = m, ingestionTime = 1714557601000L }),
            nextForwardToken = "f/123",
            nextBackwardToken = "b/123",
        });

        var result = Parse.Text(json, name: "events.json");

        Assert.Equal("events.json", Assert.Single(result.ColdStarts).Stream);
    }

    [Fact]
    public void Logs_insights_json_export_is_read()
    {
        var json = JsonSerializer.Serialize(Messages().Select((m, i) => new Dictionary<string, string>
        {
            ["@timestamp"] = $"2024-05-01 10:00:{i:00}.000",
            ["@message"] = m,
            ["@logStream"] = Stream,
        }));

        var result = Parse.Text(json);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(Stream, coldStart.Stream);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, TimeSpan.Zero), coldStart.Timestamp);
    }

    [Fact]
    public void Multi_line_message_counts_each_line()
    {
        var result = Parse.Text(FilterLogEvents([string.Join("\n", InitImports())]));

        Assert.Equal(InitImports().Length, result.LinesRead);
        Assert.Equal(2, Assert.Single(result.ColdStarts).Roots.Count);
    }

    [Fact]
    public void Export_cut_off_mid_file_keeps_the_events_before_the_cut_and_counts_the_rest()
    {
        var full = FilterLogEvents(Messages());
        var cut = full[..full.IndexOf("START RequestId", StringComparison.Ordinal)];

        var result = Parse.Text(cut);

        Assert.Equal(["json", "app.handler"], Assert.Single(result.ColdStarts).Roots.Select(r => r.Name));
        Assert.True(result.Skipped[SkipReason.MalformedJson] >= 1);
        Parse.AssertAccounted(result);
    }

    [Fact]
    public void One_event_object_a_line_is_read_as_events()
    {
        var lines = Messages().Select(m => JsonSerializer.Serialize(new { logStreamName = Stream, timestamp = 1714557600000L, message = m }));

        var result = Parse.Lines([.. lines]);

        Assert.Equal(InputFormat.CloudWatchJson, Assert.Single(result.Sources).DetectedFormat);
        Assert.Equal(Stream, Assert.Single(result.ColdStarts).Stream);
        Assert.Equal([ImportPhase.Init, ImportPhase.Init, ImportPhase.Invoke], result.ColdStarts[0].Roots.Select(r => r.Phase));
    }
}
