using System.Globalization;
using System.Text;

namespace ColdStart.Bench.Logs;

/// <summary>
/// Writes a realistic export of about the requested size, streamed to disk, deterministic for the same captures and
/// seed. Every cold start is whole (a file ends after the last request of every open environment), so the
/// parser must read it without a single skipped line.
/// </summary>
public sealed class LogGenerator(IReadOnlyList<CapturedProfile> profiles)
{
    /// <summary>Bumped whenever the output for the same captures and seed changes.</summary>
    public const int Version = 3;

    /// <summary>The task runner's packages the enormous cold start nests its repeated forests under.</summary>
    private static readonly string[] RunnerChain = ["tasks", "tasks.runner", "tasks.runner.batch", "tasks.runner.batch.step"];

    /// <summary>Writes <paramref name="shape"/> to <paramref name="path"/> (replacing it).</summary>
    /// <param name="initType">For the Lambda shapes: <c>on-demand</c> or <c>provisioned-concurrency</c>.</param>
    public GeneratedLog Write(string path, LogShape shape, long bytes, int seed, string initType = "on-demand")
    {
        var counts = new WrittenCounts();
        using (var output = new Output(path))
        {
            IEnumerable<LogEvent> Fleet(FleetOptions options) => FleetEvents(options, seed, counts, () => output.Written >= bytes);
            switch (shape)
            {
                case LogShape.AwsLogsTail:
                    WriteTail(output, Fleet(new FleetOptions { InitType = initType }));
                    break;
                case LogShape.FilterLogEventsJson:
                    WriteJson(output, Fleet(new FleetOptions { InitType = initType }), seed);
                    break;
                case LogShape.DenseConsoleText:
                    // one stream after another: nothing tells environments apart but INIT_START
                    foreach (var e in Fleet(new FleetOptions { InitType = initType, Concurrency = 1, MeanWarmInvocations = 0.5, UserOutput = false }))
                    {
                        output.Line(e.Message);
                    }

                    break;
                case LogShape.RawImportTime:
                    WriteRaw(output, counts, bytes, seed);
                    break;
                case LogShape.EnormousColdStart:
                    WriteEnormous(output, counts, bytes, seed);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape));
            }
        }

        var lambda = shape is LogShape.AwsLogsTail or LogShape.FilterLogEventsJson or LogShape.DenseConsoleText;
        return new GeneratedLog(path, shape, lambda ? initType : null, seed, new FileInfo(path).Length,
            counts.ColdStarts, counts.ImportRows, counts.Reports, counts.Lines, counts.UserLines, Version);
    }

    private IEnumerable<LogEvent> FleetEvents(FleetOptions options, int seed, WrittenCounts counts, Func<bool> enough)
    {
        var fleet = new LambdaFleet(profiles, options, seed);
        foreach (var e in fleet.Events(enough))
        {
            yield return e;
        }

        counts.ColdStarts = fleet.Counts.ColdStarts;
        counts.ImportRows = fleet.Counts.ImportRows;
        counts.Reports = fleet.Counts.Reports;
        counts.Lines = fleet.Counts.Lines;
        counts.UserLines = fleet.Counts.UserLines;
    }

    private static void WriteTail(Output output, IEnumerable<LogEvent> events)
    {
        // awscli's DetailedLogEventsFormatter: isoformat(timespec='microseconds') of the UTC time, the stream, the message rstripped
        long lastMillis = -1;
        var timestamp = "";
        foreach (var e in events)
        {
            if (e.Millis != lastMillis)
            {
                lastMillis = e.Millis;
                timestamp = DateTimeOffset.FromUnixTimeMilliseconds(e.Millis).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
            }

            output.Write(timestamp);
            output.Write(' ');
            output.Write(e.Stream);
            output.Write(' ');
            output.Line(e.Message.TrimEnd());
        }
    }

    private static void WriteJson(Output output, IEnumerable<LogEvent> events, int seed)
    {
        // the AWS CLI's JSON output: json.dump(indent=4, ensure_ascii=False); Lambda messages end with a newline
        var random = new Random(seed ^ 0x5EED);
        var eventId = new StringBuilder(56);
        output.Line("{");
        output.Write("    \"events\": [");
        var first = true;
        foreach (var e in events)
        {
            output.Line(first ? "" : ",");
            first = false;
            // 56 decimal digits, as CloudWatch's event ids have
            eventId.Clear();
            eventId.Append((char)('1' + random.Next(9)));
            while (eventId.Length < 56)
            {
                eventId.Append((char)('0' + random.Next(10)));
            }

            output.Line("        {");
            output.Write("            \"logStreamName\": \"");
            output.Write(e.Stream);
            output.Line("\",");
            output.Line(string.Create(CultureInfo.InvariantCulture, $"            \"timestamp\": {e.Millis},"));
            output.Write("            \"message\": \"");
            output.WriteJsonEscaped(e.Message);
            output.Line("\\n\",");
            output.Line(string.Create(CultureInfo.InvariantCulture, $"            \"ingestionTime\": {e.Millis + random.Next(150, 900)},"));
            output.Write("            \"eventId\": \"");
            output.Write(eventId.ToString());
            output.Line("\"");
            output.Write("        }");
        }

        output.Line(first ? "]," : "");
        if (!first)
        {
            output.Line("    ],");
        }

        output.Line("    \"searchedLogStreams\": []");
        output.Line("}");
    }

    private void WriteRaw(Output output, WrittenCounts counts, long bytes, int seed)
    {
        // `for …; do python -X importtime handler.py 2>>raw.log; done`: header, module-level rows, then the lazy rows
        var random = new Random(seed);
        while (output.Written < bytes)
        {
            var profile = profiles[random.Next(profiles.Count)];
            var factor = ProfileJitter.ColdStartFactor(random);
            output.Line(ImportRow.Header);
            counts.ColdStarts++;
            counts.Lines++;
            foreach (var row in ProfileJitter.Apply(profile.Init, factor, random).Concat(ProfileJitter.Apply(profile.Lazy, factor, random)))
            {
                output.Line(row.Format());
                counts.ImportRows++;
                counts.Lines++;
            }
        }
    }

    private void WriteEnormous(Output output, WrittenCounts counts, long bytes, int seed)
    {
        var random = new Random(seed);
        output.Line(ImportRow.Header);
        counts.ColdStarts = 1;
        counts.Lines++;
        while (output.Written < bytes)
        {
            var profile = profiles[random.Next(profiles.Count)];
            var factor = ProfileJitter.ColdStartFactor(random);
            var levels = random.Next(RunnerChain.Length + 1);
            var rows = ProfileJitter.Apply(profile.Init, factor, random);
            long below = 0;
            foreach (var row in rows)
            {
                Row(row.Deeper(levels));
                below += row.Depth == 0 ? row.Cumulative : 0;
            }

            // the runner's packages close above the forest, deepest first
            for (var level = levels - 1; level >= 0; level--)
            {
                var self = random.NextInt64(20, 400);
                below += self;
                Row(new ImportRow(self, below, level, RunnerChain[level]));
            }

            foreach (var row in ProfileJitter.Apply(profile.Lazy, factor, random))
            {
                Row(row);
            }
        }

        void Row(ImportRow row)
        {
            output.Line(row.Format());
            counts.ImportRows++;
            counts.Lines++;
        }
    }

    /// <summary>A buffered ASCII/UTF-8 file that counts what was written.</summary>
    private sealed class Output(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: false, new UTF8Encoding(false), 1 << 20);

        public long Written { get; private set; }

        // everything written is ASCII
        public void Write(string text)
        {
            _writer.Write(text);
            Written += text.Length;
        }

        public void Write(char c)
        {
            _writer.Write(c);
            Written++;
        }

        public void Line(string text)
        {
            Write(text);
            Write('\n');
        }

        public void WriteJsonEscaped(string text)
        {
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        Write("\\\"");
                        break;
                    case '\\':
                        Write("\\\\");
                        break;
                    case '\n':
                        Write("\\n");
                        break;
                    case '\r':
                        Write("\\r");
                        break;
                    case '\t':
                        Write("\\t");
                        break;
                    case < ' ':
                        Write(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
                        break;
                    default:
                        Write(c);
                        break;
                }
            }
        }

        public void Dispose() => _writer.Dispose();
    }
}
