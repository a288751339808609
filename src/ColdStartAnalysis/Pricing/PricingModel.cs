namespace ColdStart.Analysis.Pricing;

/// <summary>
/// Lambda prices and the traffic to price, with us-east-1 list prices (x86) as defaults
/// (aws.amazon.com/lambda/pricing). Every value can be overridden; nothing here is fetched.
/// </summary>
public sealed record PricingModel
{
    /// <summary>Default US dollars per on-demand GB-second (x86, us-east-1).</summary>
    public const double DefaultOnDemandPricePerGbSecond = 0.0000166667;

    /// <summary>Default US dollars per provisioned-concurrency GB-second configured (x86, us-east-1).</summary>
    public const double DefaultProvisionedPricePerGbSecond = 0.0000041667;

    /// <summary>Default US dollars per GB-second of duration on provisioned environments (x86, us-east-1).</summary>
    public const double DefaultProvisionedDurationPricePerGbSecond = 0.0000097222;

    /// <summary>Default US dollars per million requests.</summary>
    public const double DefaultRequestPricePerMillion = 0.20;

    /// <summary>Default multiplier applied to GB-second prices on arm64.</summary>
    public const double DefaultArm64PriceFactor = 0.8;

    /// <summary>Memory assumed when neither the options nor the logs give one: Lambda's default, 128 MB.</summary>
    public const int FallbackMemoryMb = 128;

    /// <summary>US dollars per on-demand GB-second of duration (and of billed INIT). Default: 0.0000166667.</summary>
    public double OnDemandPricePerGbSecond { get; init; } = DefaultOnDemandPricePerGbSecond;

    /// <summary>US dollars per GB-second of configured provisioned concurrency, billed whether used or not. Default: 0.0000041667.</summary>
    public double ProvisionedPricePerGbSecond { get; init; } = DefaultProvisionedPricePerGbSecond;

    /// <summary>US dollars per GB-second of duration on provisioned environments. Default: 0.0000097222.</summary>
    public double ProvisionedDurationPricePerGbSecond { get; init; } = DefaultProvisionedDurationPricePerGbSecond;

    /// <summary>US dollars per million requests (not affected by architecture). Default: 0.20.</summary>
    public double RequestPricePerMillion { get; init; } = DefaultRequestPricePerMillion;

    /// <summary>Architecture the function runs on. Default: <see cref="Architecture.X86_64"/>.</summary>
    public Architecture Architecture { get; init; } = Architecture.X86_64;

    /// <summary>Multiplier for every GB-second price when <see cref="Architecture"/> is arm64. Default: 0.8.</summary>
    public double Arm64PriceFactor { get; init; } = DefaultArm64PriceFactor;

    /// <summary>
    /// Function memory in MB. Default: null, meaning the median <c>Memory Size</c> of each strategy's
    /// REPORT lines, or <see cref="FallbackMemoryMb"/> when there are none.
    /// </summary>
    public int? MemoryMb { get; init; }

    /// <summary>Requests per month for every strategy. Default: 1,000,000.</summary>
    public double MonthlyRequests { get; init; } = 1_000_000;

    /// <summary>Provisioned concurrency (environments kept initialised) for provisioned strategies. Default: 1.</summary>
    public int ProvisionedConcurrency { get; init; } = 1;

    /// <summary>
    /// Share of requests (0–1) that spill over to on-demand environments under provisioned concurrency.
    /// Default: null, meaning as measured in each strategy's logs.
    /// </summary>
    public double? SpilloverFraction { get; init; }

    /// <summary>
    /// Whether the INIT phase of on-demand cold starts is billed like duration (true for ZIP functions on
    /// managed runtimes since 2025-08-01). Default: true.
    /// </summary>
    public bool InitBilled { get; init; } = true;

    /// <summary>Hours in a billing month, for always-on provisioned concurrency. Default: 730.</summary>
    public double HoursPerMonth { get; init; } = 730;

    /// <summary>
    /// Utilisation (0–1) of provisioned concurrency above which it costs less than running the same
    /// requests on demand: provisioned price / (on-demand price − provisioned duration price). The
    /// architecture factor cancels out. About 0.60 with the defaults; positive infinity when the
    /// provisioned duration price is not below the on-demand price (it never pays off).
    /// </summary>
    public double BreakEvenUtilisation =>
        OnDemandPricePerGbSecond > ProvisionedDurationPricePerGbSecond
            ? ProvisionedPricePerGbSecond / (OnDemandPricePerGbSecond - ProvisionedDurationPricePerGbSecond)
            : double.PositiveInfinity;

    /// <summary>
    /// Checks every value; throws <see cref="ArgumentOutOfRangeException"/> whose <c>ParamName</c> is the
    /// property name and whose message echoes the bad value.
    /// </summary>
    public void Validate()
    {
        RequireNonNegative(OnDemandPricePerGbSecond, nameof(OnDemandPricePerGbSecond));
        RequireNonNegative(ProvisionedPricePerGbSecond, nameof(ProvisionedPricePerGbSecond));
        RequireNonNegative(ProvisionedDurationPricePerGbSecond, nameof(ProvisionedDurationPricePerGbSecond));
        RequireNonNegative(RequestPricePerMillion, nameof(RequestPricePerMillion));
        RequireNonNegative(Arm64PriceFactor, nameof(Arm64PriceFactor));
        RequireNonNegative(MonthlyRequests, nameof(MonthlyRequests));
        if (MemoryMb is { } memory && (memory < 128 || memory > 10240))
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryMb), memory, $"Memory must be between 128 and 10240 MB. Found {memory}.");
        }

        if (ProvisionedConcurrency < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ProvisionedConcurrency), ProvisionedConcurrency, $"Provisioned concurrency must be 0 or more. Found {ProvisionedConcurrency}.");
        }

        if (SpilloverFraction is { } spill && !(spill >= 0 && spill <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SpilloverFraction), spill, $"Spillover fraction must be between 0 and 1. Found {spill}.");
        }

        if (!(HoursPerMonth > 0) || double.IsInfinity(HoursPerMonth))
        {
            throw new ArgumentOutOfRangeException(nameof(HoursPerMonth), HoursPerMonth, $"Hours per month must be positive. Found {HoursPerMonth}.");
        }
    }

    /// <summary>
    /// Prices one month of <see cref="MonthlyRequests"/> requests shaped like <paramref name="profile"/>.
    /// <see cref="MemoryMb"/> (when set) and <see cref="SpilloverFraction"/> (when set) override the profile's.
    /// </summary>
    /// <param name="profile">Per-request averages measured from a strategy's logs.</param>
    /// <param name="kind">Whether to price on-demand or provisioned concurrency.</param>
    public MonthlyCostEstimate Estimate(WorkloadProfile profile, StrategyKind kind)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validate();

        var memoryGb = (MemoryMb ?? profile.MemoryMb) / 1024.0;
        var factor = Architecture == Architecture.Arm64 ? Arm64PriceFactor : 1.0;
        var onDemand = OnDemandPricePerGbSecond * factor;
        var requests = MonthlyRequests;
        var durationSeconds = profile.MeanBilledDurationMs / 1000.0;

        var requestCost = requests / 1_000_000.0 * RequestPricePerMillion;
        var coldStarts = requests * profile.OnDemandInitRate;
        var initCost = InitBilled ? coldStarts * profile.MeanInitDurationMs / 1000.0 * memoryGb * onDemand : 0;

        if (kind == StrategyKind.OnDemand)
        {
            var durationCost = requests * durationSeconds * memoryGb * onDemand;
            return new MonthlyCostEstimate(kind, memoryGb, requests, requestCost, durationCost, initCost, 0, 0, coldStarts, null);
        }

        var spillover = SpilloverFraction ?? profile.SpilloverFraction;
        var provisionedRequests = requests * (1 - spillover);
        var provisionedSeconds = ProvisionedConcurrency * HoursPerMonth * 3600;
        var provisionedCost = provisionedSeconds * memoryGb * ProvisionedPricePerGbSecond * factor;
        var provisionedDurationCost = provisionedRequests * durationSeconds * memoryGb * ProvisionedDurationPricePerGbSecond * factor;
        var spilloverDurationCost = requests * spillover * durationSeconds * memoryGb * onDemand;
        double? utilisation = provisionedSeconds > 0 ? provisionedRequests * durationSeconds / provisionedSeconds : null;
        return new MonthlyCostEstimate(kind, memoryGb, requests, requestCost, spilloverDurationCost, initCost, provisionedCost, provisionedDurationCost, coldStarts, utilisation);
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of 0 or more. Found {value}.");
        }
    }
}
