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
    public void Logs_insights_json_export_is_refused_with_what_to_export_instead()
    {
        var json = JsonSerializer.Serialize(Messages().Select((m, i) => new Dictionary<string, string>
        {
            ["@timestamp"] = $"2024-05-01 10:00:{i:00}.000",
            ["@message"] = m,
            ["@logStream"] = Stream,
        }));

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(json, name: "insights.json"));

        Assert.StartsWith("'insights.json' is a CloudWatch Logs Insights result", error.Message);
        Assert.Contains("aws logs filter-log-events", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    /// <summary>The shape of <c>aws logs get-query-results</c> (AWS API reference, GetQueryResults).</summary>
    [Fact]
    public void Get_query_results_is_refused_rather_than_read_as_no_profile()
    {
        var json = JsonSerializer.Serialize(new
        {
            results = Messages().Select((m, i) => new[]
            {
                new { field = "@timestamp", value = $"2024-05-01 10:00:{i:00}.000" },
                new { field = "@message", value = m },
                new { field = "@logStream", value = Stream },
                new { field = "@ptr", value = "CmAKJgoi" },
            }),
            statistics = new { recordsMatched = 12.0, recordsScanned = 40.0, bytesScanned = 4000.0 },
            status = "Complete",
        }, new JsonSerializerOptions { WriteIndented = true });

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(json, name: "results.json"));

        Assert.Contains("Logs Insights result (aws logs get-query-results)", error.Message);
        Assert.NotNull(error.ByteOffset);
    }

    [Theory]
    [InlineData("@timestamp,@message,@logStream")]
    [InlineData("\"@logStream\",\"@timestamp\",\"@message\"")]
    [InlineData("stream, @message")]
    public void Logs_insights_csv_export_is_refused(string header)
    {
        var csv = header + "\n" + string.Join("\n", Messages().Select((m, i) => $"2024-05-01 10:00:{i:00}.000,\"{m.Replace("\"", "\"\"")}\",{Stream}"));

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(csv, name: "results.csv"));

        Assert.Contains("'results.csv' is a CloudWatch Logs Insights result (CSV with an @message column)", error.Message);
    }

    [Fact]
    public void Multi_line_message_counts_each_line()
    {
        var result = Parse.Text(FilterLogEvents([string.Join("\n", InitImports())]));

        Assert.Equal(InitImports().Length, result.LinesRead);
        Assert.Equal(2, Assert.Single(result.ColdStarts).Roots.Count);
    }

    [Fact]
    public void Export_cut_off_mid_file_is_refused_with_the_byte_offset()
    {
        var full = FilterLogEvents(Messages());
        var cut = full[..full.IndexOf("START RequestId", StringComparison.Ordinal)];

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(cut, name: "events.json"));

        Assert.Equal("events.json", error.SourceName);
        Assert.InRange(error.ByteOffset!.Value, 0, System.Text.Encoding.UTF8.GetByteCount(cut));
        Assert.StartsWith($"'events.json': the JSON document is cut off or corrupt near its end at byte {error.ByteOffset}", error.Message);
        Assert.Contains("--allow-partial", error.Message);
    }

    [Fact]
    public void Export_cut_off_mid_file_with_partial_reads_allowed_keeps_what_came_before_and_says_so()
    {
        var full = FilterLogEvents(Messages());
        var cut = full[..full.IndexOf("START RequestId", StringComparison.Ordinal)];

        var result = Parse.Text(cut, new ParseOptions { AllowPartial = true });

        var partial = Assert.Single(result.PartialInputs).Partial!;
        Assert.Contains("cut off", partial.Reason);
        // the cold start was cut before its init ended: not a profile to measure
        Assert.Empty(result.ColdStarts);
        Assert.Equal(1, result.IncompleteColdStarts[IncompleteReason.EndedBeforeInitEnded]);
        Parse.AssertAccounted(result);
    }

    [Fact]
    public void Export_corrupt_in_the_middle_is_refused_and_with_partial_reads_counts_the_rest_as_malformed()
    {
        var full = FilterLogEvents([.. Messages(), .. Messages()]);
        var at = full.IndexOf("END RequestId", StringComparison.Ordinal);
        var corrupt = full[..at] + "\u0000}}}" + full[at..];

        var error = Assert.Throws<LogSourceException>(() => Parse.Text(corrupt, name: "events.json"));
        var result = Parse.Text(corrupt, new ParseOptions { AllowPartial = true });

        Assert.Contains("the JSON document is corrupt at byte", error.Message);
        Assert.Equal("the JSON document is corrupt", Assert.Single(result.PartialInputs).Partial!.Reason);
        Assert.True(result.Skipped[SkipReason.MalformedJson] > 10);
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
