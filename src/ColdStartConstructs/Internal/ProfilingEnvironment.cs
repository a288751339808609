using Amazon.CDK;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// The variables that turn profiling on: the wrapper (keeping a wrapper the function already had by chaining to it)
/// or <c>PYTHONPROFILEIMPORTTIME</c>.
/// </summary>
internal static class ProfilingEnvironment
{
    public const string ChainedAnnotationId = "coldstart:chained-wrapper";

    /// <summary>
    /// Returns the variables to set for <paramref name="plan"/>. In wrapper mode, when <paramref name="existingWrapper"/>
    /// is another wrapper, it moves to <see cref="ImportTimeWrapperLayer.ChainedWrapperVariable"/> and an info
    /// annotation on <paramref name="annotated"/> says so.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(IConstruct annotated, ProfilingPlan plan, string? existingWrapper) =>
        plan.Mode == ProfilingMode.EnvironmentVariable
            ? new Dictionary<string, string> { [ProfilingPlan.ImportTimeVariable] = plan.ImportTimeVariableValue }
            : Wrapper(annotated, existingWrapper);

    /// <summary>The variables ColdStart owns in <paramref name="mode"/>: what it sets and what must not change after.</summary>
    public static IReadOnlyList<string> Owned(ProfilingMode mode) => mode == ProfilingMode.EnvironmentVariable
        ? [ProfilingPlan.ImportTimeVariable]
        : [ImportTimeWrapperLayer.ExecWrapperVariable, ImportTimeWrapperLayer.ChainedWrapperVariable];

    /// <summary>The wrapper mode's variables, chaining to <paramref name="existingWrapper"/> when it is another wrapper.</summary>
    public static Dictionary<string, string> Wrapper(IConstruct annotated, string? existingWrapper)
    {
        var variables = new Dictionary<string, string>
        {
            [ImportTimeWrapperLayer.ExecWrapperVariable] = ImportTimeWrapperLayer.WrapperPath,
        };
        if (!string.IsNullOrEmpty(existingWrapper) && existingWrapper != ImportTimeWrapperLayer.WrapperPath)
        {
            variables[ImportTimeWrapperLayer.ChainedWrapperVariable] = existingWrapper;
            var shown = Token.IsUnresolved(existingWrapper) ? "a token" : existingWrapper;
            Annotations.Of(annotated).AddInfo(
                $"[{ChainedAnnotationId}] {ImportTimeWrapperLayer.ExecWrapperVariable} was already set to {shown}: " +
                $"ColdStart's wrapper runs first and then execs it (moved to {ImportTimeWrapperLayer.ChainedWrapperVariable}).");
        }
        return variables;
    }
}
