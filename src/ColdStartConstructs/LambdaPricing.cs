namespace ColdStart.Constructs;

/// <summary>
/// Lambda prices used by the dashboard's cost estimates and passed to the comparison's <c>coldstart compare</c> command,
/// in USD. Defaults are us-east-1 list prices (aws.amazon.com/lambda/pricing), with arm64's own published prices (not a
/// fixed share of x86_64's); set your region's or your discounted prices. All must be non-negative.
/// Since 2025-08-01 the INIT phase of on-demand ZIP functions is billed like duration, at the on-demand price.
/// </summary>
public class LambdaPricing
{
    /// <summary>Default of <see cref="OnDemandGbSecond"/>.</summary>
    public const double DefaultOnDemandGbSecond = 0.0000166667;

    /// <summary>Default of <see cref="ProvisionedGbSecond"/>.</summary>
    public const double DefaultProvisionedGbSecond = 0.0000041667;

    /// <summary>Default of <see cref="ProvisionedDurationGbSecond"/>.</summary>
    public const double DefaultProvisionedDurationGbSecond = 0.0000097222;

    /// <summary>Default of <see cref="Arm64OnDemandGbSecond"/>.</summary>
    public const double DefaultArm64OnDemandGbSecond = 0.0000133334;

    /// <summary>Default of <see cref="Arm64ProvisionedGbSecond"/>.</summary>
    public const double DefaultArm64ProvisionedGbSecond = 0.0000033334;

    /// <summary>Default of <see cref="Arm64ProvisionedDurationGbSecond"/>.</summary>
    public const double DefaultArm64ProvisionedDurationGbSecond = 0.0000077778;

    /// <summary>Default of <see cref="RequestsPerMillion"/>.</summary>
    public const double DefaultRequestsPerMillion = 0.20;

    /// <summary>Default of <see cref="SnapshotCacheGbSecond"/>.</summary>
    public const double DefaultSnapshotCacheGbSecond = 0.0000015046;

    /// <summary>Default of <see cref="RestorePerGb"/>.</summary>
    public const double DefaultRestorePerGb = 0.0001397998;

    /// <summary>x86_64: on-demand duration (and, since 2025-08-01, INIT) per GB-second. Default: 0.0000166667.</summary>
    public double? OnDemandGbSecond { get; set; }

    /// <summary>x86_64: provisioned concurrency kept allocated, per GB-second. Default: 0.0000041667.</summary>
    public double? ProvisionedGbSecond { get; set; }

    /// <summary>x86_64: duration of invocations served by provisioned concurrency, per GB-second. Default: 0.0000097222.</summary>
    public double? ProvisionedDurationGbSecond { get; set; }

    /// <summary>arm64: on-demand duration (and INIT) per GB-second. Default: 0.0000133334.</summary>
    public double? Arm64OnDemandGbSecond { get; set; }

    /// <summary>arm64: provisioned concurrency kept allocated, per GB-second. Default: 0.0000033334.</summary>
    public double? Arm64ProvisionedGbSecond { get; set; }

    /// <summary>arm64: duration of invocations served by provisioned concurrency, per GB-second. Default: 0.0000077778.</summary>
    public double? Arm64ProvisionedDurationGbSecond { get; set; }

    /// <summary>Requests, per million (both architectures). Default: 0.20.</summary>
    public double? RequestsPerMillion { get; set; }

    /// <summary>SnapStart: the snapshot cache while the version is active, per GB-second (billed for at least 3 hours). Default: 0.0000015046.</summary>
    public double? SnapshotCacheGbSecond { get; set; }

    /// <summary>SnapStart: each restore from the snapshot, per GB of memory. Default: 0.0001397998.</summary>
    public double? RestorePerGb { get; set; }
}
