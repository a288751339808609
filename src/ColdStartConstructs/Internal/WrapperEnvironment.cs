using Amazon.CDK;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// The variables that turn the wrapper on, keeping a wrapper the function already had by chaining to it.
/// </summary>
internal static class WrapperEnvironment
{
    public const string ChainedAnnotationId = "coldstart:chained-wrapper";

    /// <summary>
    /// Returns the variables to set. When <paramref name="existingWrapper"/> is another wrapper, it moves to
    /// <see cref="ImportTimeWrapperLayer.ChainedWrapperVariable"/> and an info annotation says so.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(IConstruct annotated, string? existingWrapper)
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
