using System.CommandLine;
using System.Globalization;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering;
using ColdStart.Lab;

namespace ColdStart.Cli.Commands;

/// <summary><c>coldstart diff BASE.json NEW.json</c>: per-function headline and per-module deltas between two JSON reports.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var baseFile = new Argument<string>("BASE.json") { Description = "The baseline: a JSON report from coldstart profile -f json or coldstart report -f json." };
        var newFile = new Argument<string>("NEW.json") { Description = "The report to compare with it." };
        var format = SharedOptions.Format("text", "markdown", "json");
        var output = SharedOptions.Output();
        var top = new Option<int>("--top") { Description = "How many modules to list per function, largest change first (new init-phase imports are always listed).", DefaultValueFactory = _ => 20, HelpName = "N" };
        var maxRegressionMs = new Option<double?>("--max-regression-ms") { Description = "CI gate: exit 1 when a module's median grew by more than MS. Default: none.", HelpName = "MS" };
        var maxRegressionPct = new Option<double?>("--max-regression-pct") { Description = "CI gate: exit 1 when a module's median grew by more than P percent (with --max-regression-ms: by more than both). Default: none.", HelpName = "P" };

        var command = new Command("diff", "Compare two JSON reports: headline figures and every module's median per function, with modules newly imported at init flagged.")
        {
            baseFile, newFile, format, output, top, maxRegressionMs, maxRegressionPct,
        };

        command.SetAction(parsed => ColdStartApp.Guard(console, "diff", () =>
        {
            var count = parsed.GetValue(top);
            if (count < 1)
            {
                throw new UsageException($"--top must be 1 or more. Found {count}.");
            }

            var gates = new ImportGates { MaxRegressionMs = parsed.GetValue(maxRegressionMs), MaxRegressionPercent = parsed.GetValue(maxRegressionPct) };
            foreach (var (option, value) in new[] { ("--max-regression-ms", gates.MaxRegressionMs), ("--max-regression-pct", gates.MaxRegressionPercent) })
            {
                if (value is { } v && !(v >= 0))
                {
                    throw new UsageException($"{option} must be 0 or more. Found {v.ToString(CultureInfo.InvariantCulture)}.");
                }
            }

            IReadOnlyList<FunctionDiff> diffs;
            try
            {
                diffs = ReportDiff.Compare(ReportDocument.Read(parsed.GetValue(baseFile)!), ReportDocument.Read(parsed.GetValue(newFile)!));
            }
            catch (LabException e)
            {
                throw new UsageException(e.Message);
            }

            var text = SharedOptions.ParseFormat(parsed.GetValue(format)!) switch
            {
                OutputFormat.Markdown => MarkdownDiffRenderer.Render(diffs, count),
                OutputFormat.Json => JsonDiffRenderer.Render(diffs),
                _ => TextDiffRenderer.Render(diffs, count),
            };
            SharedOptions.Emit(text, parsed.GetValue(output), console, [parsed.GetValue(baseFile)!, parsed.GetValue(newFile)!]);

            if (gates.MaxRegressionMs is null && gates.MaxRegressionPercent is null)
            {
                return ExitCodes.Success;
            }

            var breaches = diffs.SelectMany(d => gates.Regressions(d).Select(b => (d.Name, Breach: b))).ToList();
            foreach (var (name, breach) in breaches)
            {
                console.Error.WriteLine($"coldstart diff: gate failed: {name}: {breach}");
            }

            var unmatched = diffs.Where(d => d.Current is not null && d.Baseline is null).ToList();
            foreach (var diff in unmatched)
            {
                console.Error.WriteLine($"coldstart diff: gate cannot be evaluated: {diff.Name}: the baseline has no such function.");
            }

            if (breaches.Count == 0 && unmatched.Count == 0)
            {
                console.Error.WriteLine($"coldstart diff: gates met: no module of {diffs.Count(d => d.Current is not null)} function(s) grew beyond the limits.");
            }

            return unmatched.Count > 0 ? ExitCodes.UsageError : breaches.Count > 0 ? ExitCodes.BudgetExceeded : ExitCodes.Success;
        }));
        return command;
    }
}
