using ColdStart.Analysis;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Commands;

/// <summary>The <c>--budget-ms</c> CI gate: one verdict line on stderr, exit 1 when exceeded.</summary>
internal static class Budget
{
    public static int Check(ImportTimeReport report, double limitMs, BudgetMetric metric, CliConsole console)
    {
        (double? value, string what) = metric switch
        {
            BudgetMetric.InitDurationP90 => (report.Summary.InitDurationMs.P90,
                "p90 Init Duration"),
            _ => (report.Split == PhaseSplit.Known ? report.MedianInitImportMs : null,
                "median init-phase import time"),
        };

        if (value is not { } measured)
        {
            throw new UsageException(metric == BudgetMetric.InitDurationP90
                ? "--budget-metric init-duration-p90: the logs have no REPORT line with Init Duration to measure."
                : "--budget-metric init-imports-p50: the init/handler phase split is unknown (init output was logged after START); pass --split-after REGEX.");
        }

        var exceeded = measured > limitMs;
        console.Error.WriteLine(
            $"coldstart report: budget {(exceeded ? "exceeded" : "met")}: {what} {Format.MsWithUnit(measured)} {(exceeded ? ">" : "<=")} --budget-ms {Format.Number(limitMs)}");
        return exceeded ? ExitCodes.BudgetExceeded : ExitCodes.Success;
    }
}
