using System.Reflection;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Copies every <see cref="FunctionProps"/> member, so options aws-cdk-lib adds in later versions pass through
/// without ColdStart listing them.
/// </summary>
internal static class FunctionPropsCopy
{
    private static readonly PropertyInfo[] Members = typeof(FunctionProps)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.DeclaringType == typeof(FunctionProps))
        .ToArray();

    public static FunctionProps Of(FunctionProps source)
    {
        var copy = new FunctionProps();
        foreach (var member in Members)
        {
            member.SetValue(copy, member.GetValue(source));
        }
        return copy;
    }
}
