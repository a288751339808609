namespace ColdStart.Constructs;

/// <summary>How a <see cref="ColdStartComparison"/> variant meets its cold starts.</summary>
public enum ColdStartStrategy
{
    /// <summary>
    /// On-demand environments only: every new environment pays its INIT (billed since 2025-08-01). Pair it with a
    /// handler that imports heavy modules lazily, inside the function.
    /// </summary>
    OnDemand,

    /// <summary>
    /// Provisioned concurrency on an alias with Application Auto Scaling: environments are initialised ahead of
    /// traffic, so module-level imports are paid before requests arrive. Pair it with eager (module-level) imports.
    /// </summary>
    PreWarmed,

    /// <summary>
    /// SnapStart on published versions (python3.12+): INIT runs once when a version is published, and new
    /// environments restore from the snapshot. Never combined with provisioned concurrency.
    /// </summary>
    SnapStart,
}
