using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Dashboard.Internal;

namespace ColdStart.Constructs.Internal.Comparison;

/// <summary>
/// The <c>coldstart compare</c> command line for a comparison's exported logs (docs/cli.md), with the options that
/// the logs cannot tell the CLI: the architecture, the provisioned concurrency and any prices set on the comparison.
/// Memory needs no option: the CLI reads it from the REPORT lines.
/// </summary>
internal static class CompareCommandLine
{
    public static string For(ColdStartComparisonProps props, IEnumerable<(string Name, PreWarmingOptions? PreWarming)> variants)
    {
        var all = variants.ToArray();
        var arguments = new List<string> { "coldstart", "compare" };
        arguments.AddRange(all.Select(v => $"{v.Name}={v.Name}.json"));
        if (props.Function.Architecture?.Name == Architecture.ARM_64.Name)
        {
            arguments.Add("--architecture arm64");
        }
        // The CLI takes one provisioned concurrency for every provisioned strategy; with several different ones, it is left to the reader.
        var provisioned = all.Where(v => v.PreWarming is not null).Select(v => v.PreWarming!.ProvisionedConcurrency).Distinct().ToArray();
        if (provisioned is [var concurrency] && concurrency != 1)
        {
            arguments.Add($"--provisioned-concurrency {PlainNumber.Format(concurrency)}");
        }
        var pricing = props.Pricing;
        Price(arguments, "--on-demand-price", pricing?.OnDemandGbSecond);
        Price(arguments, "--provisioned-price", pricing?.ProvisionedGbSecond);
        Price(arguments, "--provisioned-duration-price", pricing?.ProvisionedDurationGbSecond);
        Price(arguments, "--request-price", pricing?.RequestsPerMillion);
        Price(arguments, "--arm64-factor", pricing?.Arm64Factor);
        return string.Join(" ", arguments);
    }

    private static void Price(List<string> arguments, string option, double? value)
    {
        if (value is { } v)
        {
            arguments.Add($"{option} {PlainNumber.Format(v)}");
        }
    }
}
