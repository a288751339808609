using ColdStart.Constructs.Dashboard.Internal;

namespace ColdStart.Constructs.Internal.Comparison;

/// <summary>Synth-time checks of a comparison's props; each failure names the property and the value.</summary>
internal static class ComparisonValidation
{
    /// <summary>SnapStart for Python starts with python3.12.</summary>
    public const int SnapStartMinimumMinor = 12;

    public static void Validate(string path, ColdStartComparisonProps props)
    {
        var shared = props.Function ?? throw new ColdStartConfigurationException(path, "Function", null,
            "is required: it holds the code and the settings every variant shares.");
        if (shared.PreWarming is not null)
        {
            throw new ColdStartConfigurationException(path, "Function.PreWarming", "set",
                "must be left unset: give pre-warming to a variant with Strategy PreWarmed (ComparisonVariant.PreWarmed).");
        }
        if (shared.SnapStart is not null)
        {
            throw new ColdStartConfigurationException(path, "Function.SnapStart", "set",
                "must be left unset: add a variant with Strategy SnapStart (ComparisonVariant.SnapStart).");
        }
        if (shared.LogGroup is not null || shared.LogRetention is not null)
        {
            throw new ColdStartConfigurationException(path, shared.LogGroup is not null ? "Function.LogGroup" : "Function.LogRetention", "set",
                "must be left unset: each variant gets its own log group so the comparison can tell them apart (set `LogRetention` on the comparison).");
        }

        var variants = props.Variants ?? [];
        if (variants.Length < 2)
        {
            throw new ColdStartConfigurationException(path, "Variants", $"{variants.Length} variant{(variants.Length == 1 ? "" : "s")}",
                "must list at least two variants to compare.");
        }
        if (variants.Length > ColdStartComparison.MaxVariants)
        {
            throw new ColdStartConfigurationException(path, "Variants", $"{variants.Length} variants",
                $"must list at most {ColdStartComparison.MaxVariants} variants (one dashboard column each).");
        }

        var runtime = PythonRuntimeInfo.Of(shared.Runtime ?? PythonRuntimes.Python313);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Length; i++)
        {
            var variant = variants[i] ?? throw new ColdStartConfigurationException(path, $"Variants[{i}]", null, "is required.");
            var property = $"Variants[{i}]";
            DashboardValidation.Name(path, $"{property}.Name", variant.Name, names, "in the comparison");
            if ((variant.Handler ?? shared.Handler) is null)
            {
                throw new ColdStartConfigurationException(path, $"{property}.Handler", null,
                    "is required when `Function.Handler` is not set.");
            }
            switch (variant.Strategy)
            {
                case ColdStartStrategy.OnDemand when variant.PreWarming is not null:
                    throw new ColdStartConfigurationException(path, $"{property}.PreWarming", "set",
                        $"is only used by Strategy PreWarmed; variant \"{variant.Name}\" is OnDemand.");
                case ColdStartStrategy.SnapStart when variant.PreWarming is not null:
                    throw new ColdStartConfigurationException(path, $"{property}.PreWarming", "set",
                        $"cannot be combined with SnapStart (variant \"{variant.Name}\"): Lambda refuses provisioned concurrency on SnapStart versions.");
                case ColdStartStrategy.SnapStart when runtime.Minor is { } minor && minor < SnapStartMinimumMinor:
                    throw new ColdStartConfigurationException(path, $"{property}.Strategy", $"SnapStart on {runtime.Name}",
                        $"needs python3.{SnapStartMinimumMinor} or newer: Lambda supports SnapStart for Python from python3.{SnapStartMinimumMinor}.");
                case ColdStartStrategy.OnDemand or ColdStartStrategy.PreWarmed or ColdStartStrategy.SnapStart:
                    break;
                default:
                    throw new ColdStartConfigurationException(path, $"{property}.Strategy", variant.Strategy.ToString(),
                        "must be OnDemand, PreWarmed or SnapStart.");
            }
        }
        DashboardValidation.Pricing(path, props.Pricing);
    }
}
