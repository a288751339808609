using System.Text.Json;

namespace ColdStart.Lab;

/// <summary>
/// A JSON document written by <c>coldstart report</c> or <c>coldstart profile</c> (<c>-f json</c>), read back for
/// <c>coldstart diff</c> and <c>--baseline</c>: per function, the headline figures and every module's median.
/// </summary>
public sealed class ReportDocument
{
    private ReportDocument(string source, string kind, IReadOnlyList<ReportedFunction> functions)
    {
        Source = source;
        Kind = kind;
        Functions = functions;
    }

    /// <summary>Where the document came from (its file name).</summary>
    public string Source { get; }

    /// <summary><c>report</c> (one function or log) or <c>profile</c> (several functions).</summary>
    public string Kind { get; }

    /// <summary>The functions it describes; one for a <c>report</c> document.</summary>
    public IReadOnlyList<ReportedFunction> Functions { get; }

    /// <summary>Reads a document from a file.</summary>
    /// <exception cref="LabException">The file cannot be read or is not such a document.</exception>
    public static ReportDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LabException($"cannot read '{path}': {e.Message} (expected a JSON report written by coldstart report or coldstart profile -f json).", e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a document from its text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Named in messages.</param>
    /// <exception cref="LabException">The text is not such a document.</exception>
    public static ReportDocument Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        var expected = $"'{source}' is not a coldstart JSON report (expected \"schemaVersion\": 1 and \"kind\": \"report\" or \"profile\", as written by coldstart report or coldstart profile -f json)";
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1 || !root.TryGetProperty("kind", out var kindValue))
            {
                throw new LabException(expected + ".");
            }

            var kind = kindValue.GetString();
            if (kind == "report")
            {
                return new ReportDocument(source, kind, [ReportedFunction.FromReport(root, null)]);
            }

            if (kind == "profile" && root.TryGetProperty("functions", out var functions) && functions.ValueKind == JsonValueKind.Array)
            {
                return new ReportDocument(source, kind, functions.EnumerateArray()
                    .Where(f => f.TryGetProperty("report", out var r) && r.ValueKind == JsonValueKind.Object)
                    .Select(f => ReportedFunction.FromReport(f.GetProperty("report"), f.TryGetProperty("name", out var n) ? n.GetString() : null))
                    .ToList());
            }

            throw new LabException(expected + $"; its kind is {(kind is null ? "missing" : $"'{kind}'")}.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new LabException($"{expected}: {e.Message}", e);
        }
    }

    /// <summary>The function of this document that stands for <paramref name="name"/>: the one so named, or the only one.</summary>
    public ReportedFunction? Find(string name, bool onlyOneOnEachSide)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Functions.FirstOrDefault(f => f.Name == name) ?? (onlyOneOnEachSide && Functions.Count == 1 ? Functions[0] : null);
    }
}
