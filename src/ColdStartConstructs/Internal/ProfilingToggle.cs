using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>Resolves the per-stage switches: a construct's own prop wins, then context, then the default.</summary>
internal static class ProfilingToggle
{
    public static bool IsEnabled(IConstruct scope, bool? prop) =>
        prop ?? ReadContextFlag(scope, ColdStartContext.Profiling) ?? true;

    public static bool IsProduction(IConstruct scope, bool? prop) =>
        prop ?? ReadContextFlag(scope, ColdStartContext.Production) ?? false;

    private static bool? ReadContextFlag(IConstruct scope, string key)
    {
        var value = scope.Node.TryGetContext(key);
        return value switch
        {
            null => null,
            bool b => b,
            string s when bool.TryParse(s.Trim(), out var parsed) => parsed,
            _ => throw new ColdStartConfigurationException(scope.Node.Path, $"context {key}", Describe(value),
                "must be true or false."),
        };
    }

    private static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };
}
