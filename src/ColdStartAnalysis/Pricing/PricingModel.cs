using System.Globalization;

namespace ColdStart.Analysis.Pricing;

/// <summary>
/// Lambda prices and the traffic to price, with us-east-1 list prices as defaults (aws.amazon.com/lambda/pricing;
/// SnapStart's from the project's Lambda facts). Every value can be overridden; nothing here is fetched.
/// </summary>
public sealed record PricingModel
{
    /// <summary>Default US dollars per million requests (both architectures).</summary>
    public const double DefaultRequestPricePerMillion = 0.20;

    /// <summary>Default US dollars per GB-second of SnapStart snapshot cache, while the version is active (us-east-1).</summary>
    public const double DefaultSnapshotCachePricePerGbSecond = 0.0000015046;

    /// <summary>Default US dollars per GB restored from a SnapStart snapshot, per restore (us-east-1).</summary>
    public const double DefaultRestorePricePerGb = 0.0001397998;

    /// <summary>Lambda bills a SnapStart snapshot's cache for at least this many hours.</summary>
    public const double SnapshotCacheMinimumHours = 3;

    /// <summary>Default requests per month.</summary>
    public const double DefaultMonthlyRequests = 1_000_000;

    /// <summary>Default provisioned concurrency of provisioned strategies.</summary>
    public const int DefaultProvisionedConcurrency = 1;

    /// <summary>Default hours in a billing month.</summary>
    public const double DefaultHoursPerMonth = 730;

    /// <summary>Memory assumed when neither the options nor the logs give one: Lambda's default, 128 MB.</summary>
    public const int FallbackMemoryMb = 128;

    /// <summary>Lambda's smallest memory size, in MB.</summary>
    public const int MinMemoryMb = 128;

    /// <summary>Lambda's largest memory size, in MB.</summary>
    public const int MaxMemoryMb = 10240;

    /// <summary>Most requests per month a model accepts (a trillion): more is a typo, not a workload.</summary>
    public const double MaxMonthlyRequests = 1e12;

    /// <summary>Highest GB-second price accepted (list prices are about 60,000 times lower).</summary>
    public const double MaxPricePerGbSecond = 1;

    /// <summary>Highest price per million requests accepted.</summary>
    public const double MaxRequestPricePerMillion = 1000;

    /// <summary>Highest price per GB restored accepted.</summary>
    public const double MaxRestorePricePerGb = 1;

    /// <summary>Most hours a month can have (31 days).</summary>
    public const double MaxHoursPerMonth = 744;

    /// <summary>Most provisioned environments a model accepts per strategy.</summary>
    public const int MaxProvisionedConcurrency = 100_000;

    /// <summary>GB-second prices for x86_64 functions. Default: <see cref="GbSecondPrices.X86_64List"/>.</summary>
    public GbSecondPrices X86_64Prices { get; init; } = GbSecondPrices.X86_64List;

    /// <summary>GB-second prices for arm64 functions. Default: <see cref="GbSecondPrices.Arm64List"/>.</summary>
    public GbSecondPrices Arm64Prices { get; init; } = GbSecondPrices.Arm64List;

    /// <summary>US dollars per million requests (the same on both architectures). Default: 0.20.</summary>
    public double RequestPricePerMillion { get; init; } = DefaultRequestPricePerMillion;

    /// <summary>US dollars per GB-second of SnapStart snapshot cache while the version is active. Default: 0.0000015046.</summary>
    public double SnapshotCachePricePerGbSecond { get; init; } = DefaultSnapshotCachePricePerGbSecond;

    /// <summary>US dollars per GB of memory restored from a SnapStart snapshot, per restore. Default: 0.0001397998.</summary>
    public double RestorePricePerGb { get; init; } = DefaultRestorePricePerGb;

    /// <summary>Architecture the functions run on; selects <see cref="Prices"/>. Default: <see cref="Architecture.X86_64"/>.</summary>
    public Architecture Architecture { get; init; } = Architecture.X86_64;

    /// <summary>
    /// Function memory in MB. Default: null, meaning the median <c>Memory Size</c> of each strategy's
    /// REPORT lines, or <see cref="FallbackMemoryMb"/> when there are none.
    /// </summary>
    public int? MemoryMb { get; init; }

    /// <summary>Requests per month for every strategy, a whole number up to <see cref="MaxMonthlyRequests"/>. Default: 1,000,000.</summary>
    public double MonthlyRequests { get; init; } = DefaultMonthlyRequests;

    /// <summary>Provisioned concurrency of provisioned strategies that <see cref="ProvisionedConcurrencyByStrategy"/> does not name. Default: 1.</summary>
    public int ProvisionedConcurrency { get; init; } = DefaultProvisionedConcurrency;

    /// <summary>Provisioned concurrency per strategy name, overriding <see cref="ProvisionedConcurrency"/>. Default: none.</summary>
    public IReadOnlyDictionary<string, int> ProvisionedConcurrencyByStrategy { get; init; } = new Dictionary<string, int>();

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
    public double HoursPerMonth { get; init; } = DefaultHoursPerMonth;

    /// <summary>
    /// Hours per month a SnapStart version is active, i.e. its snapshot is cached and billed (at least
    /// <see cref="SnapshotCacheMinimumHours"/>; at most <see cref="HoursPerMonth"/>). An assumption: a version stays
    /// active while it is published and invoked. Default: null, meaning the whole month (<see cref="HoursPerMonth"/>).
    /// </summary>
    public double? SnapStartActiveHours { get; init; }

    /// <summary>The GB-second prices of <see cref="Architecture"/>.</summary>
    public GbSecondPrices Prices => Architecture == Architecture.Arm64 ? Arm64Prices : X86_64Prices;

    /// <summary>
    /// Utilisation (0–1) of provisioned concurrency above which it costs less than running the same
    /// requests on demand, at <see cref="Prices"/> (see <see cref="GbSecondPrices.BreakEvenUtilisation"/>):
    /// about 0.60 with the list prices of either architecture.
    /// </summary>
    public double BreakEvenUtilisation => Prices.BreakEvenUtilisation;

    /// <summary>The provisioned concurrency a strategy is priced with.</summary>
    /// <param name="strategy">The strategy's name.</param>
    public int ProvisionedConcurrencyOf(string strategy) =>
        ProvisionedConcurrencyByStrategy.TryGetValue(strategy, out var concurrency) ? concurrency : ProvisionedConcurrency;

    /// <summary>
    /// Checks every value; throws <see cref="ArgumentOutOfRangeException"/> whose <c>ParamName</c> is the
    /// property name and whose message says what is accepted and echoes the bad value.
    /// </summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(X86_64Prices);
        ArgumentNullException.ThrowIfNull(Arm64Prices);
        ArgumentNullException.ThrowIfNull(ProvisionedConcurrencyByStrategy);
        ValidatePrices(X86_64Prices, nameof(X86_64Prices));
        ValidatePrices(Arm64Prices, nameof(Arm64Prices));
        Range(RequestPricePerMillion, 0, MaxRequestPricePerMillion, nameof(RequestPricePerMillion), "a price in USD");
        Range(SnapshotCachePricePerGbSecond, 0, MaxPricePerGbSecond, nameof(SnapshotCachePricePerGbSecond), "a price in USD");
        Range(RestorePricePerGb, 0, MaxRestorePricePerGb, nameof(RestorePricePerGb), "a price in USD");
        Range(MonthlyRequests, 0, MaxMonthlyRequests, nameof(MonthlyRequests), "a whole number", whole: true);
        if (MemoryMb is { } memory)
        {
            Range(memory, MinMemoryMb, MaxMemoryMb, nameof(MemoryMb), "a whole number of MB");
        }

        Range(ProvisionedConcurrency, 1, MaxProvisionedConcurrency, nameof(ProvisionedConcurrency), "a whole number");
        foreach (var (strategy, concurrency) in ProvisionedConcurrencyByStrategy)
        {
            Range(concurrency, 1, MaxProvisionedConcurrency, nameof(ProvisionedConcurrencyByStrategy), $"a whole number (strategy '{strategy}')");
        }

        if (SpilloverFraction is { } spill)
        {
            Range(spill, 0, 1, nameof(SpilloverFraction), "a fraction");
        }

        if (!(HoursPerMonth > 0 && HoursPerMonth <= MaxHoursPerMonth))
        {
            throw Refuse(nameof(HoursPerMonth), $"must be more than 0 and at most {Text(MaxHoursPerMonth)}", HoursPerMonth);
        }

        if (SnapStartActiveHours is { } active)
        {
            Range(active, 0, HoursPerMonth, nameof(SnapStartActiveHours), "a number of hours (at most the hours per month)");
        }
    }

    /// <summary>
    /// Prices one month of <see cref="MonthlyRequests"/> requests shaped like <paramref name="profile"/>.
    /// <see cref="MemoryMb"/> (when set) and <see cref="SpilloverFraction"/> (when set) override the profile's.
    /// </summary>
    /// <param name="profile">Per-request averages measured from a strategy's logs.</param>
    /// <param name="kind">Whether to price on-demand, provisioned concurrency or SnapStart.</param>
    /// <param name="provisionedConcurrency">Provisioned environments, for <see cref="StrategyKind.ProvisionedConcurrency"/>. Default: <see cref="ProvisionedConcurrency"/>.</param>
    public MonthlyCostEstimate Estimate(WorkloadProfile profile, StrategyKind kind, int? provisionedConcurrency = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validate();
        var concurrency = provisionedConcurrency ?? ProvisionedConcurrency;
        Range(concurrency, 1, MaxProvisionedConcurrency, nameof(provisionedConcurrency), "a whole number");

        var prices = Prices;
        var memoryGb = (MemoryMb ?? profile.MemoryMb) / 1024.0;
        var requests = MonthlyRequests;
        var durationSeconds = profile.MeanBilledDurationMs / 1000.0;
        var requestCost = requests / 1_000_000.0 * RequestPricePerMillion;
        var coldStarts = requests * profile.OnDemandInitRate;
        var initCost = InitBilled ? coldStarts * profile.MeanInitDurationMs / 1000.0 * memoryGb * prices.OnDemand : 0;
        var onDemand = new MonthlyCostEstimate
        {
            Kind = kind,
            MemoryGb = memoryGb,
            Requests = requests,
            RequestCost = requestCost,
            DurationCost = requests * durationSeconds * memoryGb * prices.OnDemand,
            InitCost = initCost,
            ColdStartsPerMonth = coldStarts,
        };

        switch (kind)
        {
            case StrategyKind.OnDemand:
                return onDemand;
            case StrategyKind.SnapStart:
                var restores = requests * profile.RestoreRate;
                var cachedHours = Math.Max(SnapStartActiveHours ?? HoursPerMonth, SnapshotCacheMinimumHours);
                return onDemand with
                {
                    SnapshotCacheCost = cachedHours * 3600 * memoryGb * SnapshotCachePricePerGbSecond,
                    RestoreCost = restores * memoryGb * RestorePricePerGb,
                    // Billed Restore Duration is part of Restore Duration, so without it the charge is unknown, not guessed.
                    RestoreDurationCost = restores == 0 ? 0
                        : profile.MeanBilledRestoreDurationMs is { } billedMs ? restores * billedMs / 1000.0 * memoryGb * prices.OnDemand
                        : null,
                    RestoresPerMonth = restores,
                };
            case StrategyKind.ProvisionedConcurrency:
                var spillover = SpilloverFraction ?? profile.SpilloverFraction;
                var provisionedRequests = requests * (1 - spillover);
                var provisionedSeconds = concurrency * HoursPerMonth * 3600;
                return onDemand with
                {
                    DurationCost = requests * spillover * durationSeconds * memoryGb * prices.OnDemand,
                    ProvisionedConcurrency = concurrency,
                    ProvisionedCost = provisionedSeconds * memoryGb * prices.Provisioned,
                    ProvisionedDurationCost = provisionedRequests * durationSeconds * memoryGb * prices.ProvisionedDuration,
                    Utilisation = provisionedRequests * durationSeconds / provisionedSeconds,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown strategy kind {kind}.");
        }
    }

    private static void ValidatePrices(GbSecondPrices prices, string name)
    {
        Range(prices.OnDemand, 0, MaxPricePerGbSecond, $"{name}.{nameof(GbSecondPrices.OnDemand)}", "a price in USD");
        Range(prices.Provisioned, 0, MaxPricePerGbSecond, $"{name}.{nameof(GbSecondPrices.Provisioned)}", "a price in USD");
        Range(prices.ProvisionedDuration, 0, MaxPricePerGbSecond, $"{name}.{nameof(GbSecondPrices.ProvisionedDuration)}", "a price in USD");
    }

    private static void Range(double value, double min, double max, string name, string what, bool whole = false)
    {
        // NaN fails every comparison, so it is refused here too.
        if (!(value >= min && value <= max) || (whole && value != Math.Floor(value)))
        {
            throw Refuse(name, $"must be {what} from {Text(min)} to {Text(max)}", value);
        }
    }

    private static ArgumentOutOfRangeException Refuse(string name, string rule, double value) =>
        new(name, value, $"{name} {rule}. Found {Text(value)}.");

    private static string Text(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture) is var text && double.IsFinite(value) && Math.Abs(value) < 1e15
        ? text
        : value.ToString("R", CultureInfo.InvariantCulture);
}
