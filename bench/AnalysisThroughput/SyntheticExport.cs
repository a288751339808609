using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ColdStart.Bench;

/// <summary>
/// Writes a synthetic CloudWatch export of Lambda logs, streamed to a file: environments that each start with
/// INIT_START, the wrapper line and a real importtime profile, then a first invocation with lazy imports, then
/// warm invocations (START, a line of user output, END, REPORT), across many log streams.
/// </summary>
internal sealed class SyntheticExport(IReadOnlyList<(string[] Init, string[] Lazy)> captures, int seed = 42)
{
    private const int MeanWarmInvocations = 50;

    public enum Shape
    {
        FilterLogEventsJson,
        AwsLogsTailText,
    }

    /// <summary>Writes about <paramref name="bytes"/> bytes (whole environments; stops after the one that crosses the size).</summary>
    public (long Bytes, int Environments, long Events) Write(string path, Shape shape, long bytes)
    {
        var random = new Random(seed);
        var clock = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = shape == Shape.FilterLogEventsJson
            ? new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true })
            : null;
        using var text = shape == Shape.AwsLogsTailText ? new StreamWriter(file, new UTF8Encoding(false), 1 << 20) : null;
        json?.WriteStartObject();
        json?.WriteStartArray("events");

        var environments = 0;
        long events = 0;
        string stream = "";

        void Emit(string message)
        {
            clock = clock.AddMilliseconds(random.Next(1, 40));
            events++;
            if (json is not null)
            {
                json.WriteStartObject();
                json.WriteString("logStreamName", stream);
                json.WriteNumber("timestamp", clock.ToUnixTimeMilliseconds());
                json.WriteString("message", message + "\n");
                json.WriteNumber("ingestionTime", clock.ToUnixTimeMilliseconds() + 300);
                json.WriteString("eventId", events.ToString("D56", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            else
            {
                text!.Write(clock.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
                text.Write(' ');
                text.Write(stream);
                text.Write(' ');
                text.Write(message);
                text.Write('\n');
            }
        }

        long Written()
        {
            json?.Flush();
            text?.Flush();
            return file.Position;
        }

        while (Written() < bytes)
        {
            environments++;
            stream = $"2026/11/01/[$LATEST]{random.NextInt64():x16}{environments:x16}";
            var (init, lazy) = captures[random.Next(captures.Count)];
            Emit("INIT_START Runtime Version: python:3.13.v14\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:9c3a1e0f0c6ab2d5e2b1f2e8f0d5b3a4c6e7d8f9a0b1c2d3e4f5a6b7c8d9e0f1");
            Emit("coldstart: importtime profile start; interpreter=/var/lang/bin/python3.13; init_type=on-demand; options=-X importtime; chain=none");
            foreach (var row in init)
            {
                Emit(row);
            }

            Emit("[INFO]\t2026-11-01T00:00:00.000Z\t\tapp: module loaded");
            var warm = random.Next(MeanWarmInvocations * 2);
            for (var i = 0; i <= warm; i++)
            {
                var request = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), (byte)random.Next(256), 1, 2, 3, 4, 5, 6, 7).ToString();
                Emit($"START RequestId: {request} Version: $LATEST");
                if (i == 0)
                {
                    foreach (var row in lazy)
                    {
                        Emit(row);
                    }
                }

                Emit($"[INFO]\t2026-11-01T00:00:00.000Z\t{request}\tprocessed order {random.Next(100000)}");
                Emit($"END RequestId: {request}");
                var duration = 1 + random.NextDouble() * 40;
                Emit($"REPORT RequestId: {request}\tDuration: {duration:0.00} ms\tBilled Duration: {Math.Ceiling(duration):0} ms\tMemory Size: 512 MB\tMax Memory Used: {60 + random.Next(20)} MB"
                     + (i == 0 ? $"\tInit Duration: {300 + random.NextDouble() * 200:0.00} ms" : ""));
            }
        }

        json?.WriteEndArray();
        json?.WriteStartArray("searchedLogStreams");
        json?.WriteEndArray();
        json?.WriteEndObject();
        return (Written(), environments, events);
    }
}
