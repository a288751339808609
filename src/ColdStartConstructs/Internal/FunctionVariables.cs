using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Reads a function's environment variables as they are now (an L2 <c>Function</c>'s own map, or an L1's
/// <c>Environment</c> property), resolved, so ColdStart can see what the function would be deployed with.
/// Raw overrides (<c>AddPropertyOverride</c>) are not part of it: CDK applies them only when it writes the template.
/// </summary>
internal static class FunctionVariables
{
    /// <summary>Every variable: a string, or the resolved intrinsic (a Ref, a join) as CDK would render it.</summary>
    public static IReadOnlyDictionary<string, object?> Read(CfnFunction cfn)
    {
        // Resolving gives the jsii shape ({ variables: … }) for both L2 and L1 functions; accept either casing.
        if (cfn.Environment is null
            || Stack.Of(cfn).Resolve(cfn.Environment) is not IDictionary<string, object> environment
            || environment.FirstOrDefault(kv => kv.Key.Equals("Variables", StringComparison.OrdinalIgnoreCase)).Value
                is not IDictionary<string, object> map)
        {
            return new Dictionary<string, object?>();
        }
        return map.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
    }

    /// <summary>
    /// The variable as text for ColdStart to use: the string itself, or an intrinsic kept as a token (so chaining to a
    /// wrapper given as a Ref still works); null when unset.
    /// </summary>
    public static string? Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) ? value as string ?? (value is null ? null : Token.AsString(value)) : null;

    /// <summary>The variable as a message shows it: quoted text, an intrinsic as JSON, or <c>(not set)</c>.</summary>
    public static string Shown(IReadOnlyDictionary<string, object?> variables, string name) =>
        !variables.TryGetValue(name, out var value) || value is null ? "(not set)"
        : value is string s ? $"\"{s}\""
        : System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>Every variable whose value is text (intrinsics as tokens), for the checks that take a string map.</summary>
    public static IDictionary<string, string> AsStrings(IReadOnlyDictionary<string, object?> variables) =>
        variables.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => Text(variables, kv.Key)!);
}
