using System.Reflection;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Copies every public settable member of a props type (<c>FunctionProps</c>, <c>ImportTimeProfiledFunctionProps</c>),
/// so options aws-cdk-lib adds in later versions pass through without ColdStart listing them.
/// </summary>
internal static class PropsCopy<T>
    where T : new()
{
    private static readonly PropertyInfo[] Members = typeof(T)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite)
        .ToArray();

    /// <summary>Returns a new <typeparamref name="T"/> with the values of <paramref name="source"/>'s <typeparamref name="T"/> members.</summary>
    public static T Of(T source)
    {
        var copy = new T();
        foreach (var member in Members)
        {
            member.SetValue(copy, member.GetValue(source));
        }
        return copy;
    }
}
