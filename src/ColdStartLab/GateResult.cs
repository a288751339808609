namespace ColdStart.Lab;

/// <summary>What the gates found for one function.</summary>
/// <param name="Function">The function's name.</param>
/// <param name="Breaches">Gates that failed, one per module and phase.</param>
/// <param name="CannotEvaluate">Gates that could not be evaluated, one sentence each (what is missing, what to do).</param>
/// <param name="Checks">How many gate checks were made.</param>
public sealed record GateResult(string Function, IReadOnlyList<GateBreach> Breaches, IReadOnlyList<string> CannotEvaluate, int Checks);
