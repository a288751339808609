using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Dashboard.Internal;

namespace ColdStart.Constructs.Internal.Comparison;

/// <summary>
/// The <c>coldstart compare</c> command line for a comparison's exported logs (docs/cli.md), with the options that
/// the logs cannot tell the CLI: the architecture, how each variant is priced (the CLI would otherwise guess from the
/// logs, and price a pre-warmed variant whose profiles were not logged on demand), each pre-warmed variant's own
/// provisioned concurrency, and any prices
/// set on the comparison for its architecture. Memory needs no option: the CLI reads it from the REPORT lines, in
/// either log format.
/// </summary>
internal static class CompareCommandLine
{
    public static string For(ColdStartComparisonProps props, IEnumerable<(string Name, ColdStartStrategy Strategy, PreWarmingOptions? PreWarming)> variants)
    {
        var all = variants.ToArray();
        var arguments = new List<string> { "coldstart", "compare" };
        arguments.AddRange(all.Select(v => $"{v.Name}={v.Name}.json"));
        var arm64 = props.Function.Architecture?.Name == Architecture.ARM_64.Name;
        if (arm64)
        {
            arguments.Add("--architecture arm64");
        }

        foreach (var (name, strategy, _) in all)
        {
            arguments.Add($"--kind {name}={Kind(strategy)}");
        }

        foreach (var (name, _, preWarming) in all)
        {
            if (preWarming is not null)
            {
                arguments.Add($"--provisioned-concurrency {name}={Number(ColdStartComparison.AlwaysProvisioned(preWarming))}");
            }
        }

        var pricing = props.Pricing;
        // The CLI refuses a price of the architecture it is not pricing, so only this architecture's are passed.
        if (arm64)
        {
            Price(arguments, "--arm64-on-demand-price", pricing?.Arm64OnDemandGbSecond);
            Price(arguments, "--arm64-provisioned-price", pricing?.Arm64ProvisionedGbSecond);
            Price(arguments, "--arm64-provisioned-duration-price", pricing?.Arm64ProvisionedDurationGbSecond);
        }
        else
        {
            Price(arguments, "--on-demand-price", pricing?.OnDemandGbSecond);
            Price(arguments, "--provisioned-price", pricing?.ProvisionedGbSecond);
            Price(arguments, "--provisioned-duration-price", pricing?.ProvisionedDurationGbSecond);
        }

        Price(arguments, "--request-price", pricing?.RequestsPerMillion);
        Price(arguments, "--snapshot-cache-price", pricing?.SnapshotCacheGbSecond);
        Price(arguments, "--restore-price", pricing?.RestorePerGb);
        return string.Join(" ", arguments);
    }

    private static string Kind(ColdStartStrategy strategy) => strategy switch
    {
        ColdStartStrategy.PreWarmed => "provisioned",
        ColdStartStrategy.SnapStart => "snapstart",
        _ => "on-demand",
    };

    /// <summary>A plain decimal, or the token itself (CloudFormation resolves it in the output) when it is one.</summary>
    private static string Number(double value) => Token.IsUnresolved(value) ? Token.AsString(value) : PlainNumber.Format(value);

    private static void Price(List<string> arguments, string option, double? value)
    {
        if (value is { } v)
        {
            arguments.Add($"{option} {Number(v)}");
        }
    }
}
