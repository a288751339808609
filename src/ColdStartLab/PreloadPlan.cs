namespace ColdStart.Lab;

/// <summary>The modules a function's cold starts import before its handler module.</summary>
/// <param name="Preload">The <c>--preload</c> setting it came from.</param>
/// <param name="Modules">Module names, in import order.</param>
/// <param name="Source">One line: where the list comes from.</param>
public sealed record PreloadPlan(Preload Preload, IReadOnlyList<string> Modules, string Source);
