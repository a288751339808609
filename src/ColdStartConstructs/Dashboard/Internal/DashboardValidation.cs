using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>Synth-time checks of a dashboard's props; each failure names the property and the value.</summary>
internal static partial class DashboardValidation
{
    public static void Validate(string path, ColdStartDashboardProps props)
    {
        var variants = props.Variants ?? [];
        if (variants.Length == 0)
        {
            throw new ColdStartConfigurationException(path, "Variants", "0 variants", "must list at least one variant.");
        }
        if (variants.Length > DashboardLayout.MaxVariants)
        {
            throw new ColdStartConfigurationException(path, "Variants", $"{variants.Length} variants",
                $"must list at most {DashboardLayout.MaxVariants} variants (one column each, at least {DashboardLayout.MinColumnWidth} of the grid's {DashboardLayout.GridWidth} units wide).");
        }
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Length; i++)
        {
            var variant = variants[i];
            var property = $"Variants[{i}]";
            if (variant is null)
            {
                throw new ColdStartConfigurationException(path, property, null, "is required.");
            }
            Name(path, $"{property}.Label", variant.Label, labels, "in the dashboard");
            if (variant.Function is null)
            {
                throw new ColdStartConfigurationException(path, $"{property}.Function", null, "is required.");
            }
            if (variant.MemorySize is { } memory && Known(memory) && memory is < 128 or > 10240)
            {
                throw new ColdStartConfigurationException(path, $"{property}.MemorySize", Format(memory), "must be between 128 and 10240 (MB).");
            }
            if (variant.ProvisionedConcurrency is { } pc && Known(pc))
            {
                if (pc < 0 || double.IsNaN(pc) || double.IsInfinity(pc))
                {
                    throw new ColdStartConfigurationException(path, $"{property}.ProvisionedConcurrency", Format(pc), "must not be negative.");
                }
                if (pc > 0 && variant.AliasName is null)
                {
                    throw new ColdStartConfigurationException(path, $"{property}.AliasName", null,
                        "is required when `ProvisionedConcurrency` is set: provisioned-concurrency metrics exist only per alias.");
                }
            }
        }
        if (props.DashboardName is { } name && !Token.IsUnresolved(name) && !DashboardNamePattern().IsMatch(name))
        {
            throw new ColdStartConfigurationException(path, "DashboardName", $"\"{name}\"",
                "must be 1-255 letters, digits, '-' or '_'.");
        }
        Pricing(path, props.Pricing);
    }

    /// <summary>Variant names end up in construct ids, widget titles and <c>coldstart compare NAME=FILES</c>.</summary>
    public static void Name(string path, string property, string? name, HashSet<string> seen, string where)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new ColdStartConfigurationException(path, property, name is null ? null : $"\"{name}\"",
                "must be 1-32 letters, digits, '-' or '_', starting with a letter.");
        }
        if (!seen.Add(name))
        {
            throw new ColdStartConfigurationException(path, property, $"\"{name}\"", $"must be unique (ignoring case) {where}.");
        }
    }

    public static void Pricing(string path, LambdaPricing? pricing)
    {
        if (pricing is null)
        {
            return;
        }
        NonNegative(path, "Pricing.OnDemandGbSecond", pricing.OnDemandGbSecond);
        NonNegative(path, "Pricing.ProvisionedGbSecond", pricing.ProvisionedGbSecond);
        NonNegative(path, "Pricing.ProvisionedDurationGbSecond", pricing.ProvisionedDurationGbSecond);
        NonNegative(path, "Pricing.Arm64OnDemandGbSecond", pricing.Arm64OnDemandGbSecond);
        NonNegative(path, "Pricing.Arm64ProvisionedGbSecond", pricing.Arm64ProvisionedGbSecond);
        NonNegative(path, "Pricing.Arm64ProvisionedDurationGbSecond", pricing.Arm64ProvisionedDurationGbSecond);
        NonNegative(path, "Pricing.RequestsPerMillion", pricing.RequestsPerMillion);
        NonNegative(path, "Pricing.SnapshotCacheGbSecond", pricing.SnapshotCacheGbSecond);
        NonNegative(path, "Pricing.RestorePerGb", pricing.RestorePerGb);
    }

    private static void NonNegative(string path, string property, double? value)
    {
        if (value is { } v && Known(v) && (v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ColdStartConfigurationException(path, property, Format(v), "must be a non-negative price.");
        }
    }

    private static bool Known(double value) => !Token.IsUnresolved(value);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex DashboardNamePattern();
}
