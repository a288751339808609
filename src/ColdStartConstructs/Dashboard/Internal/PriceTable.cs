using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary><see cref="LambdaPricing"/> with defaults applied, per request, per GB-second and per GB restored.</summary>
internal sealed record PriceTable(
    GbSecondPrices X86_64,
    GbSecondPrices Arm64,
    double PerRequest,
    double SnapshotCacheGbSecond,
    double RestorePerGb)
{
    public static PriceTable From(LambdaPricing? pricing) => new(
        new GbSecondPrices(
            pricing?.OnDemandGbSecond ?? LambdaPricing.DefaultOnDemandGbSecond,
            pricing?.ProvisionedGbSecond ?? LambdaPricing.DefaultProvisionedGbSecond,
            pricing?.ProvisionedDurationGbSecond ?? LambdaPricing.DefaultProvisionedDurationGbSecond),
        new GbSecondPrices(
            pricing?.Arm64OnDemandGbSecond ?? LambdaPricing.DefaultArm64OnDemandGbSecond,
            pricing?.Arm64ProvisionedGbSecond ?? LambdaPricing.DefaultArm64ProvisionedGbSecond,
            pricing?.Arm64ProvisionedDurationGbSecond ?? LambdaPricing.DefaultArm64ProvisionedDurationGbSecond),
        (pricing?.RequestsPerMillion ?? LambdaPricing.DefaultRequestsPerMillion) / 1_000_000,
        pricing?.SnapshotCacheGbSecond ?? LambdaPricing.DefaultSnapshotCacheGbSecond,
        pricing?.RestorePerGb ?? LambdaPricing.DefaultRestorePerGb);

    /// <summary>The GB-second prices of the variant's architecture.</summary>
    public GbSecondPrices For(Architecture architecture) => architecture.Name == Architecture.ARM_64.Name ? Arm64 : X86_64;

    /// <summary>USD per millisecond of on-demand duration, INIT or billed restore for a function of this size and architecture.</summary>
    public double OnDemandPerMillisecond(ResolvedVariant variant) => variant.MemorySize / 1024 * For(variant.Architecture).OnDemand / 1000;

    /// <summary>USD per SnapStart restore of a function of this size.</summary>
    public double PerRestore(ResolvedVariant variant) => variant.MemorySize / 1024 * RestorePerGb;
}
