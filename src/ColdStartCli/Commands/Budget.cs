using ColdStart.Analysis;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Commands;

/// <summary>The <c>--budget-ms</c> CI gate: one verdict line on stderr, exit 1 when exceeded.</summary>
internal static class Budget
{
    public static int Check(ImportTimeReport report, double limitMs, BudgetMetric metric, CliConsole console)
    {
        var summary = report.Summary;
        (double? value, string what) = metric switch
        {
            BudgetMetric.InitDurationP90 => (summary.InitDurationMs.P90,
                "p90 Init Duration"),
            _ => (report.Split == PhaseSplit.Known ? report.MedianInitImportMs : null,
                "median init-phase import time"),
        };

        if (value is not { } measured)
        {
            throw new UsageException(metric == BudgetMetric.InitDurationP90
                ? "--budget-metric init-duration-p90: cannot evaluate: the logs have no REPORT line with Init Duration to measure."
                : summary.ColdStartsWithUnknownSplit > 0
                    ? $"--budget-metric init-imports-p50: cannot evaluate: the init/handler phase split is unknown for {summary.ColdStartsWithUnknownSplit} of {summary.ColdStarts} cold starts (init output was logged after START); pass --split-after REGEX."
                    : $"--budget-metric init-imports-p50: cannot evaluate: the init-phase import time is unknown for {summary.ColdStartsWithUnknownInitImports} of {summary.ColdStarts} cold starts (a child Python process printed its profile during init, and its rows cannot be told apart from the parent's); gate on --budget-metric init-duration-p90 instead.");
        }

        var exceeded = measured > limitMs;
        var caveats = new List<string>();
        if (summary.IncompleteColdStarts.Total > 0)
        {
            caveats.Add($"{summary.IncompleteColdStarts.Total} incomplete cold start{(summary.IncompleteColdStarts.Total == 1 ? "" : "s")} left out");
        }

        caveats.AddRange(summary.PartialInputs.Select(s => $"partial input: {s.Name} read up to byte {Format.Count(s.Partial!.ByteOffset)}"));
        console.Error.WriteLine(
            $"coldstart report: budget {(exceeded ? "exceeded" : "met")}: {what} {Format.MsWithUnit(measured)} {(exceeded ? ">" : "<=")} --budget-ms {Format.Number(limitMs)}"
            + (caveats.Count > 0 ? $" ({string.Join("; ", caveats)})" : ""));
        return exceeded ? ExitCodes.BudgetExceeded : ExitCodes.Success;
    }
}
