using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ColdStart.Analysis;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>Shared pieces of the JSON renderers: the writer settings and recurring objects.</summary>
internal static class JsonOutput
{
    /// <summary>Bumped only when a field is removed or changes meaning; new fields keep the version.</summary>
    public const int SchemaVersion = 1;

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>One JSON value without indentation, for nesting too deep to indent; any depth.</summary>
    public static byte[] Compact(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = int.MaxValue,
        }))
        {
            body(writer);
        }

        return buffer.ToArray();
    }

    public static void Number(Utf8JsonWriter writer, string name, double? value, int decimals = 3)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, decimals));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Percentiles(Utf8JsonWriter writer, string name, Percentiles p)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("count", p.Count);
        Number(writer, "p50", p.P50);
        Number(writer, "p90", p.P90);
        Number(writer, "p99", p.P99);
        Number(writer, "max", p.Max);
        writer.WriteEndObject();
    }

    /// <summary><c>"incompleteColdStarts": {"total": n, "reason": n…}</c>: cold starts left out of every figure, by reason.</summary>
    public static void IncompleteColdStarts(Utf8JsonWriter writer, IncompleteColdStarts incomplete)
    {
        writer.WriteStartObject("incompleteColdStarts");
        writer.WriteNumber("total", incomplete.Total);
        foreach (var (reason, count) in incomplete.NonZero)
        {
            writer.WriteNumber(Labels.IncompleteReasonKey(reason), count);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>"partialInputs": [{"name", "byteOffset", "reason"}]</c>: inputs read only up to a break (<c>--allow-partial</c>).</summary>
    public static void PartialInputs(Utf8JsonWriter writer, IEnumerable<SourceSummary> sources)
    {
        writer.WriteStartArray("partialInputs");
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("name", source.Name);
            writer.WriteNumber("byteOffset", source.Partial!.ByteOffset);
            writer.WriteString("reason", source.Partial.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
