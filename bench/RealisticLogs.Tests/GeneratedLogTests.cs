using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ColdStart.Bench.Logs.Tests;

/// <summary>The benchmark's generated exports are what they claim to be, and the parser reads them without a skipped line.</summary>
public sealed partial class GeneratedLogTests(GeneratedInputs inputs, ITestOutputHelper output) : IClassFixture<GeneratedInputs>
{
    private const double SizeMb = 0.4;

    public static TheoryData<string, string> Shapes() => new()
    {
        { "tail", "on-demand" },
        { "tail", "provisioned-concurrency" },
        { "json", "on-demand" },
        { "raw", "on-demand" },
        { "dense", "on-demand" },
        { "enormous", "on-demand" },
    };

    [Fact]
    public void Captures_come_from_a_local_cpython()
    {
        Assert.Null(inputs.MissingPython);
        Assert.Equal(ImportTimeCapture.ImportSets.Count * InputCatalog.CaptureRuns, inputs.Catalog.Profiles.Count);
        Assert.All(inputs.Catalog.Profiles, p => Assert.InRange(p.Init.Length + p.Lazy.Length, 80, 250));
        output.WriteLine($"captured from {inputs.Catalog.CaptureSource}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_parser_reads_every_shape_exactly_as_written(string shape, string initType)
    {
        if (Skipped())
        {
            return;
        }

        var log = inputs.Catalog.Get(LogShapes.Parse(shape), SizeMb, seed: 7, initType);

        Assert.Empty(GeneratedLogVerifier.Verify(log));
        // whole environments: the last ones end after the size is reached
        Assert.InRange(log.Bytes, SizeMb * 1e6, SizeMb * 1e6 * 4);
        Assert.True(log.ColdStarts > 0 && log.ImportRows > 0);
        output.WriteLine($"{shape} ({initType}): {log.Bytes} bytes, {log.ColdStarts} cold starts, {log.ImportRows} rows, {log.BytesPerLine:0} B/line");
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        if (Skipped())
        {
            return;
        }

        var generator = new LogGenerator(inputs.Catalog.Profiles);
        var paths = new[] { "a", "b", "c" }.Select(n => Path.Combine(inputs.Catalog.Directory, $"seed-{n}.log")).ToArray();
        generator.Write(paths[0], LogShape.AwsLogsTail, 200_000, seed: 3);
        generator.Write(paths[1], LogShape.AwsLogsTail, 200_000, seed: 3);
        generator.Write(paths[2], LogShape.AwsLogsTail, 200_000, seed: 4);

        Assert.Equal(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]));
        Assert.NotEqual(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[2]));
    }

    [Fact]
    public void Tail_lines_carry_the_aws_cli_detailed_prefix_and_environments_interleave()
    {
        if (Skipped())
        {
            return;
        }

        var log = inputs.Catalog.Get(LogShape.AwsLogsTail, 2, seed: 7);
        var lines = File.ReadAllLines(log.Path);

        Assert.All(lines, line => Assert.Matches(TailLine(), line));
        var streams = lines.Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(log.ColdStarts, streams.Distinct().Count());
        // environments overlap: up to FleetOptions.Concurrency streams have logged their first line and not yet their last
        var span = streams.Select((stream, i) => (stream, i)).GroupBy(x => x.stream).Select(g => (First: g.Min(x => x.i), Last: g.Max(x => x.i))).ToList();
        var open = span.SelectMany(s => new[] { (At: s.First, Delta: 1), (At: s.Last + 1, Delta: -1) }).OrderBy(e => e.At).ThenBy(e => e.Delta)
            .Aggregate((Open: 0, Max: 0), (acc, e) => (acc.Open + e.Delta, Math.Max(acc.Max, acc.Open + e.Delta))).Max;
        Assert.InRange(open, 17, new FleetOptions().Concurrency);
    }

    [Fact]
    public void Json_is_the_filter_log_events_document_the_aws_cli_prints()
    {
        if (Skipped())
        {
            return;
        }

        var log = inputs.Catalog.Get(LogShape.FilterLogEventsJson, SizeMb, seed: 7);
        var text = File.ReadAllText(log.Path);
        using var document = JsonDocument.Parse(text);

        Assert.StartsWith("{\n    \"events\": [\n        {\n            \"logStreamName\": ", text, StringComparison.Ordinal);
        Assert.EndsWith("    ],\n    \"searchedLogStreams\": []\n}\n", text, StringComparison.Ordinal);
        var events = document.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(log.Lines, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(["logStreamName", "timestamp", "message", "ingestionTime", "eventId"], e.EnumerateObject().Select(p => p.Name));
            Assert.EndsWith("\n", e.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Matches("^[1-9][0-9]{55}$", e.GetProperty("eventId").GetString());
            Assert.True(e.GetProperty("ingestionTime").GetInt64() > e.GetProperty("timestamp").GetInt64());
        });
        Assert.Equal(events.Select(e => e.GetProperty("timestamp").GetInt64()).Order(), events.Select(e => e.GetProperty("timestamp").GetInt64()));
    }

    [Fact]
    public void Jittered_profiles_differ_from_the_capture_and_every_parent_covers_its_children()
    {
        if (Skipped())
        {
            return;
        }

        var capture = inputs.Catalog.Profiles[0].Init;
        var random = new Random(11);
        var jittered = Enumerable.Range(0, 20).Select(_ => ProfileJitter.Apply(capture, ProfileJitter.ColdStartFactor(random), random)).ToList();

        Assert.All(jittered, rows =>
        {
            Assert.Equal(capture.Select(r => (r.Name, r.Depth)), rows.Select(r => (r.Name, r.Depth)));
            AssertConsistent(rows);
        });
        // at least half the rows of each module differ between cold starts
        var differing = Enumerable.Range(0, capture.Length).Count(i => jittered.Select(rows => rows[i].Self).Distinct().Count() > 1);
        Assert.True(differing > capture.Length / 2, $"only {differing} of {capture.Length} rows vary");
    }

    private static void AssertConsistent(IReadOnlyList<ImportRow> rows)
    {
        var waiting = new List<long>();
        foreach (var row in rows)
        {
            while (waiting.Count <= row.Depth + 1)
            {
                waiting.Add(0);
            }

            Assert.True(row.Cumulative >= row.Self + waiting[row.Depth + 1], $"{row.Name}: cumulative {row.Cumulative} < self {row.Self} + children {waiting[row.Depth + 1]}");
            waiting[row.Depth + 1] = 0;
            waiting[row.Depth] += row.Cumulative;
        }
    }

    private bool Skipped()
    {
        if (inputs.MissingPython is null)
        {
            return false;
        }

        output.WriteLine($"no local CPython to capture -X importtime output from; skipped ({inputs.MissingPython})");
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}000\+00:00 \d{4}/\d\d/\d\d/\[\$LATEST\][0-9a-f]{32} \S")]
    private static partial Regex TailLine();
}
