using System.Reflection;

namespace ColdStart.Constructs.Internal.Comparison;

/// <summary>
/// Copies every member of the shared <see cref="ImportTimeProfiledFunctionProps"/>, so each variant starts from
/// identical settings, including options aws-cdk-lib adds later.
/// </summary>
internal static class VariantFunctionProps
{
    private static readonly PropertyInfo[] Members = typeof(ImportTimeProfiledFunctionProps)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite)
        .ToArray();

    public static ImportTimeProfiledFunctionProps CopyOf(ImportTimeProfiledFunctionProps shared)
    {
        var copy = new ImportTimeProfiledFunctionProps();
        foreach (var member in Members)
        {
            member.SetValue(copy, member.GetValue(shared));
        }
        return copy;
    }
}
