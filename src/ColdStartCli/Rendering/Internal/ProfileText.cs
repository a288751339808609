using System.Globalization;
using ColdStart.Cli.Internal;
using ColdStart.Lab;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>Sentences and rows of <c>coldstart profile</c> shared by the text, Markdown and HTML renderers.</summary>
internal static class ProfileText
{
    public const string Relative =
        "Local times are relative: this machine is not a Lambda VM, so compare them with each other, not with Lambda's. The import tree and the phase of each import are exact.";

    public static readonly string[] SideBySideHeaders = ["function", "init-phase imports ms", "1st-invocation lazy imports ms", "sum ms", "heaviest init import", "cold starts"];

    /// <summary>The number columns of the side-by-side table (init, lazy, sum).</summary>
    public static bool SideBySideNumeric(int column) => column is >= 1 and <= 3;

    public static IReadOnlyList<string> SideBySideRow(ProfiledFunction f) =>
    [
        f.Name,
        Unknown(f.InitImportMs),
        f.Report is null ? "unknown" : f.LazyImportMs is { } lazy ? Format.Ms(lazy) : "unknown (no --event)",
        Unknown(f.SumMs),
        f.Heaviest is { } h ? $"{h.Name} ({Format.Ms(h.MedianCumulativeMs)})" : "unknown",
        f.Profile.Problem is not null ? "not run" : $"{f.Profile.Completed}/{f.Profile.ColdStarts.Count}",
    ];

    public static string Unknown(double? ms) => ms is { } v ? Format.Ms(v) : "unknown";

    /// <summary>The key/value rows describing how the function's cold starts ran.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> LabRows(ProfiledFunction f)
    {
        var p = f.Profile;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Function", $"{p.Function.Name} ({p.Function.Runtime}, handler {p.Function.Handler})" },
            new[] { "Code", p.Function.CodePath + (p.Function.LayerPaths.Count > 0 ? $"; layers: {string.Join(", ", p.Function.LayerPaths)}" : "") },
        };
        if (p.Problem is not null)
        {
            rows.Add(["Not run", p.Problem]);
            rows.AddRange(p.Notes.Select(n => (IReadOnlyList<string>)["Note", n]));
            return rows;
        }

        rows.Add(["Started as", string.Join(' ', p.Argv.Select(Quote)) + (p.RanWrapper ? $" (the function's AWS_LAMBDA_EXEC_WRAPPER={p.Function.ExecWrapper})" : "")]);
        rows.Add(["Interpreter", $"Python {p.PythonVersion} ({p.Python})"]);
        if (p.Preload is { } preload)
        {
            var missing = p.PreloadMissing;
            rows.Add(["Preload", $"{preload.Source}; {preload.Modules.Count} module{(preload.Modules.Count == 1 ? "" : "s")}"
                + (missing.Count > 0 ? $", not importable here: {string.Join(", ", missing.Select(m => m.Split(' ')[0]))}" : "")]);
        }

        rows.Add(["Cold starts", ColdStartsLine(p)]);
        rows.AddRange(p.Noise.Select(s => (IReadOnlyList<string>)["Spread", SpreadLine(s)]));
        rows.AddRange(Failures(p).Select(line => (IReadOnlyList<string>)["Failed", line]));
        if (p.ChildProcesses > 0)
        {
            rows.Add(["Child processes", $"{p.ChildProcesses} Python child process{(p.ChildProcesses == 1 ? "" : "es")} printed import profiles: "
                + "kept apart from the function's imports; a phase in which one printed has an unknown import time"]);
        }

        if (p.UnaccountedProfiles > 0)
        {
            rows.Add(["Not reliable", ImportGates.UnaccountedProfilesProblem(p)]);
        }

        rows.AddRange(p.Notes.Select(n => (IReadOnlyList<string>)["Note", n]));
        rows.Add(["Note", Relative]);
        return rows;
    }

    public static string ColdStartsLine(FunctionProfile p)
    {
        var failed = p.ColdStarts.Count - p.Completed;
        return $"{p.Completed} of {p.ColdStarts.Count} completed"
            + (failed > 0 ? $", {failed} failed (left out of the report)" : "")
            + ", each in a fresh interpreter, interleaved with the other functions'";
    }

    public static string SpreadLine(Spread s) => s.Count == 0
        ? $"{s.Figure}: not measured"
        : $"{s.Figure}: median {Format.Ms(s.MedianMs)} ms, min {Format.Ms(s.MinMs)}, max {Format.Ms(s.MaxMs)}, spread {(s.SpreadPercent is { } pct ? pct.ToString("0", CultureInfo.InvariantCulture) + "%" : "unknown")}"
            + (s.IsNoisy ? $" — noisy (above {Spread.NoisyPercent.ToString("0", CultureInfo.InvariantCulture)}%): rerun on an idle machine or with more --cold-starts" : "");

    /// <summary>One line per distinct failure of the function's cold starts, with how many cold starts it hit.</summary>
    public static IEnumerable<string> Failures(FunctionProfile p) =>
        p.ColdStarts.Where(c => !c.Completed)
            .GroupBy(Describe)
            .Select(g => $"{g.Key} ({g.Count()} of {p.ColdStarts.Count} cold starts)");

    public static string Describe(LocalColdStart c)
    {
        var frame = c.Frames.Count > 0 ? $" at {c.Frames[^1]}" : "";
        return c.Outcome switch
        {
            ColdStartOutcome.InitFailed when c.MissingModule is { } module && c.ExceptionType == "ModuleNotFoundError" =>
                $"init failed: {c.ErrorType}: {c.ErrorMessage}{frame} — the code and its layers lack the module '{module}'"
                + (module.Split('.')[0] is "boto3" or "botocore" or "s3transfer"
                    ? " (Lambda's runtime brings boto3; the lab leaves the local interpreter's site-packages out: put it in a layer, e.g. --layer DIR)"
                    : ": bundle it with the code or in a layer"),
            ColdStartOutcome.InitFailed => $"init failed: {c.ErrorType}: {c.ExceptionType}: {c.ErrorMessage}{frame}",
            ColdStartOutcome.InvokeFailed => $"the handler raised {c.ExceptionType}: {c.ErrorMessage}{frame}",
            ColdStartOutcome.TimedOut => c.ErrorMessage ?? "timed out",
            _ => c.ErrorMessage + (c.OutputTail.Count > 0 ? $" (last output: {c.OutputTail[^1]})" : ""),
        };
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"'{argument}'" : argument;
}
