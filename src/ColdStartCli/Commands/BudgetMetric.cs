namespace ColdStart.Cli.Commands;

/// <summary>What <c>--budget-ms</c> is compared with.</summary>
internal enum BudgetMetric
{
    /// <summary><c>init-imports-p50</c>: median over cold starts of the init-phase (module-level) import time.</summary>
    InitImportsP50,

    /// <summary><c>init-duration-p90</c>: 90th percentile of REPORT <c>Init Duration</c>.</summary>
    InitDurationP90,
}
