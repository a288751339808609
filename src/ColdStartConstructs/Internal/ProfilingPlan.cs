namespace ColdStart.Constructs.Internal;

/// <summary>What profiling a function means once its options are validated: the mode and the <c>-X</c> options.</summary>
/// <param name="Mode">Wrapper layer or <c>PYTHONPROFILEIMPORTTIME</c>.</param>
/// <param name="XOptions">The interpreter's <c>-X</c> options, <c>importtime</c> (or <c>importtime=2</c>) first, the rest
/// in <see cref="XOptionRules.Canonical"/> order; in <see cref="ProfilingMode.EnvironmentVariable"/> mode only the level.</param>
internal sealed record ProfilingPlan(ProfilingMode Mode, IReadOnlyList<string> XOptions)
{
    /// <summary>The variable CPython reads instead of <c>-X importtime</c>.</summary>
    public const string ImportTimeVariable = "PYTHONPROFILEIMPORTTIME";

    /// <summary>1 or 2.</summary>
    public int Level => XOptions[0] == "importtime=2" ? 2 : 1;

    /// <summary>
    /// The value of <see cref="ImportTimeVariable"/> for this level: <c>1</c>, or <c>2</c> (level 2 on python3.14+;
    /// 3.13 and older treat any non-empty value as level 1).
    /// </summary>
    public string ImportTimeVariableValue => Level == 2 ? "2" : "1";

    /// <summary>
    /// A stable text of what this plan does, to tell whether two aspects would profile a function the same way.
    /// </summary>
    public string Signature => $"{Mode}: {string.Join(' ', XOptions.Select(o => "-X " + o))}";
}
