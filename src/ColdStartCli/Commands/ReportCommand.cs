using System.CommandLine;
using ColdStart.Analysis;
using ColdStart.Cli.Internal;
using ColdStart.Cli.Rendering;

namespace ColdStart.Cli.Commands;

/// <summary><c>coldstart report FILES…</c>: where import time goes in the cold starts found in the logs.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILES")
        {
            Description = "Log files: python -X importtime stderr, Lambda console/log-stream text, aws logs tail output, filter-log-events/get-log-events JSON, or Lambda JSON-format logs (auto-detected per file). - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = new Option<int>("--top") { Description = "How many modules to list by self and by cumulative time.", DefaultValueFactory = _ => 20, HelpName = "N" }
            .AcceptWholeNumber(1);
        var maxDepth = new Option<int?>("--max-depth") { Description = "Deepest import level shown in the tree (0 = top-level imports only). Default: no limit.", HelpName = "N" }
            .AcceptWholeNumber(0);
        var minMs = new Option<double>("--min-ms") { Description = "Hide tree entries whose median cumulative time is below this many ms.", DefaultValueFactory = _ => 0, HelpName = "MS" }
            .AcceptNumber(0, unit: "ms");
        var module = new Option<string?>("--module") { Description = "Show only tree entries whose dotted name starts with PREFIX (and their ancestors). Default: all.", HelpName = "PREFIX" };
        var splitAfter = SharedOptions.SplitAfter();
        var handler = SharedOptions.Handler();
        var allowPartial = SharedOptions.AllowPartial();
        var format = SharedOptions.Format("text", "markdown", "json", "html");
        var output = SharedOptions.Output();
        var budget = new Option<double?>("--budget-ms") { Description = "CI gate: exit 1 when the --budget-metric exceeds this many ms. Default: no budget.", HelpName = "MS" }
            .AcceptNumber(0, unit: "ms");
        var budgetMetric = new Option<string>("--budget-metric")
        {
            Description = "What --budget-ms limits: init-imports-p50 (median init-phase import time per cold start) or init-duration-p90 (p90 of REPORT Init Duration).",
            DefaultValueFactory = _ => "init-imports-p50",
        }.AcceptOneOf("init-imports-p50", "init-duration-p90");

        var command = new Command("report", "Report where import time goes in the cold starts found in the logs: summary, top modules by self and cumulative time, lazy (handler-phase) imports, and the import tree.")
        {
            files, top, maxDepth, minMs, module, splitAfter, handler, allowPartial, format, output, budget, budgetMetric,
        };

        command.SetAction(parsed => ColdStartApp.Guard(console, "report", () =>
        {
            var reportOptions = new ReportOptions
            {
                Top = parsed.GetValue(top),
                MaxDepth = parsed.GetValue(maxDepth),
                MinMs = parsed.GetValue(minMs),
                ModulePrefix = parsed.GetValue(module),
            };
            var budgetMs = parsed.GetValue(budget);
            var outputFormat = SharedOptions.ParseFormat(parsed.GetValue(format)!);
            var outputPath = parsed.GetValue(output);
            if (outputFormat == OutputFormat.Html && outputPath is null && !console.IsOutputRedirected)
            {
                throw new UsageException("--format html writes a whole HTML page: give --output FILE, or redirect standard output to a file.");
            }

            var paths = parsed.GetValue(files) ?? [];
            SharedOptions.CheckOutput(outputPath, paths);
            var parseOptions = SharedOptions.ParseOptions(parsed, splitAfter, handler, allowPartial);
            var sources = InputFiles.Open(paths, console);
            var report = InputFiles.Report(paths, sources, parseOptions, reportOptions, console);
            if (report.Summary.ColdStarts == 0)
            {
                throw new UsageException(InputFiles.NoProfileMessage(paths, report.Summary));
            }

            var text = outputFormat switch
            {
                OutputFormat.Markdown => MarkdownReportRenderer.Render(report),
                OutputFormat.Json => JsonReportRenderer.Render(report),
                OutputFormat.Html => HtmlReportRenderer.Render(report),
                _ => TextReportRenderer.Render(report),
            };
            SharedOptions.Emit(text, outputPath, console, paths);

            return budgetMs is { } limit
                ? Budget.Check(report, limit, parsed.GetValue(budgetMetric) == "init-duration-p90" ? BudgetMetric.InitDurationP90 : BudgetMetric.InitImportsP50, console)
                : ExitCodes.Success;
        }));
        return command;
    }
}
