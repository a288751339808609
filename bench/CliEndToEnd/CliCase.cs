using System.Text.Json;
using ColdStart.Bench.Logs;

namespace ColdStart.Bench;

/// <summary>One command line measured over several runs.</summary>
internal sealed class CliCase(string name, IReadOnlyList<GeneratedLog> inputs, LogShape? shape, double sizeMb, Func<string, string[]> arguments)
{
    public string Name { get; } = name;

    public IReadOnlyList<GeneratedLog> Inputs { get; } = inputs;

    public LogShape? Shape { get; } = shape;

    public double SizeMb { get; } = sizeMb;

    public bool IsCompare => Shape is null && Inputs.Count == 2;

    /// <summary>The arguments after <c>coldstart</c>, given the output file.</summary>
    public Func<string, string[]> Arguments { get; } = arguments;

    public long Bytes => Inputs.Sum(i => i.Bytes);

    public long Rows => Inputs.Sum(i => i.ImportRows);

    public string Slug => new(Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    public List<ChildRun> Runs { get; } = [];

    public List<double> Loads { get; } = [];

    public string? Failure { get; set; }

    public static CliCase Report(string name, GeneratedLog log, LogShape shape, double sizeMb) =>
        new(name, [log], shape, sizeMb, output => ["report", log.Path, "-f", "json", "-o", output]);

    public static CliCase Compare(string name, GeneratedLog a, GeneratedLog b) =>
        new(name, [a, b], null, 0, output => ["compare", $"lazy={a.Path}", $"prewarmed={b.Path}", "-f", "json", "-o", output]);

    /// <summary>The same command with no runs yet.</summary>
    public CliCase Copy() => new(Name, Inputs, Shape, SizeMb, Arguments);

    public double Median(Func<ChildRun, double> value)
    {
        var sorted = Runs.Select(value).Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    /// <summary>A report must have read exactly what the generator wrote; null when it did.</summary>
    public string? CheckOutput(string output)
    {
        if (!Arguments(output).Contains("-o"))
        {
            return null;
        }

        if (!File.Exists(output) || new FileInfo(output).Length == 0)
        {
            return $"no output in {output}";
        }

        if (Inputs.Count != 1 || Arguments(output)[0] != "report")
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        var summary = json.RootElement.GetProperty("summary");
        var log = Inputs[0];
        var coldStarts = summary.GetProperty("coldStarts").GetInt64();
        var skipped = summary.GetProperty("linesSkipped").GetInt64();
        var lines = summary.GetProperty("linesRead").GetInt64();
        return coldStarts == log.ColdStarts && skipped == 0 && lines == log.Lines
            ? null
            : $"the report read {coldStarts} cold starts, {lines} lines, {skipped} skipped; the generator wrote {log.ColdStarts} cold starts, {log.Lines} lines";
    }
}
