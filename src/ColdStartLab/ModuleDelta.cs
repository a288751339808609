namespace ColdStart.Lab;

/// <summary>One module in the baseline and now (median cumulative import time).</summary>
/// <param name="Module">Dotted module name.</param>
/// <param name="Base">The baseline's figures; null when the baseline did not import it.</param>
/// <param name="New">The current figures; null when it is no longer imported.</param>
public sealed record ModuleDelta(string Module, ReportedModule? Base, ReportedModule? New)
{
    /// <summary>New − base in ms, a side that does not import the module counting 0.</summary>
    public double? DeltaMs => Base is null && New is null ? null : (New?.MedianMs ?? 0) - (Base?.MedianMs ?? 0);

    /// <summary>The change in percent of the base; null when the module is new.</summary>
    public double? DeltaPercent => Base is { MedianMs: > 0 } b && DeltaMs is { } d ? d / b.MedianMs * 100 : null;

    /// <summary>Imported at init now, and not at init in the baseline (absent, or lazy there).</summary>
    public bool IsNewAtInit => New?.Phase == "init" && Base?.Phase != "init";

    /// <summary>Loaded before the handler module on either side (start-up, preload): not the handler's import.</summary>
    public bool BeforeHandler => Base?.BeforeHandler == true || New?.BeforeHandler == true;
}
