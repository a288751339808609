namespace ColdStart.Lab;

/// <summary>One function compared between a baseline and a current report.</summary>
/// <param name="Name">The function (its construct path), or <c>(unnamed)</c> for a plain log report.</param>
/// <param name="Baseline">Its baseline figures; null when the baseline does not have it.</param>
/// <param name="Current">Its current figures; null when only the baseline has it.</param>
/// <param name="Figures">The headline figures, base and new.</param>
/// <param name="Modules">Every module on either side, largest change first.</param>
public sealed record FunctionDiff(string Name, ReportedFunction? Baseline, ReportedFunction? Current,
    IReadOnlyList<FigureDelta> Figures, IReadOnlyList<ModuleDelta> Modules)
{
    /// <summary>Modules imported at init now that were not imported at init in the baseline.</summary>
    public IReadOnlyList<ModuleDelta> NewAtInit => Modules.Where(m => m.IsNewAtInit).ToList();

    /// <summary>Whether either side's modules had to be taken from an import tree (see <see cref="ReportedFunction.ModulesFromTree"/>).</summary>
    public bool ModulesApproximate => Baseline?.ModulesFromTree == true || Current?.ModulesFromTree == true;
}
