using ColdStart.Analysis.Comparison.Internal;
using ColdStart.Analysis.Pricing;

namespace ColdStart.Analysis.Comparison;

/// <summary>
/// Side-by-side figures for several cold-start strategies (e.g. lazy imports vs. provisioned
/// concurrency), each from its own logs, priced with one <see cref="PricingModel"/>.
/// </summary>
public sealed class StrategyComparison
{
    private StrategyComparison(PricingModel pricing, IReadOnlyList<StrategyResult> strategies)
    {
        Pricing = pricing;
        Strategies = strategies;
    }

    /// <summary>The prices and traffic every strategy was priced with.</summary>
    public PricingModel Pricing { get; }

    /// <summary>One result per strategy, in the order given.</summary>
    public IReadOnlyList<StrategyResult> Strategies { get; }

    /// <summary>Provisioned-concurrency utilisation above which it is cheaper than on-demand (see <see cref="PricingModel.BreakEvenUtilisation"/>).</summary>
    public double BreakEvenUtilisation => Pricing.BreakEvenUtilisation;

    /// <summary>Builds the comparison from parsed logs.</summary>
    /// <param name="strategies">Each strategy's name and parsed logs. Names must be unique (case-sensitive) and non-empty.</param>
    /// <param name="pricing">Prices and traffic; validated first. <see cref="PricingModel.ProvisionedConcurrencyByStrategy"/> may only name given strategies.</param>
    /// <param name="kinds">
    /// Forces how named strategies are priced. Default: null, meaning provisioned concurrency when any of a
    /// strategy's profiles has init type <c>provisioned-concurrency</c>, else SnapStart when any has init type
    /// <c>snap-start</c> or any REPORT has <c>Restore Duration</c>, otherwise on-demand.
    /// </param>
    public static StrategyComparison Build(
        IReadOnlyList<(string Name, ParseResult Result)> strategies,
        PricingModel pricing,
        IReadOnlyDictionary<string, StrategyKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        return Build(strategies.Select(s => StrategyLogs.Of(s.Name, s.Result)).ToList(), pricing, kinds);
    }

    /// <summary>Builds the comparison from logs read by <see cref="StrategyLogs.Read"/> (the same figures as from parsed logs,
    /// in far less memory).</summary>
    /// <param name="strategies">Each strategy's logs. Names must be unique (case-sensitive) and non-empty.</param>
    /// <param name="pricing">Prices and traffic; validated first. <see cref="PricingModel.ProvisionedConcurrencyByStrategy"/> may only name given strategies.</param>
    /// <param name="kinds">Forces how named strategies are priced; default: null (detected, as for parsed logs).</param>
    public static StrategyComparison Build(
        IReadOnlyList<StrategyLogs> strategies,
        PricingModel pricing,
        IReadOnlyDictionary<string, StrategyKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(pricing);
        pricing.Validate();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in strategies.Select(s => s.Name))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Strategy names must not be empty.", nameof(strategies));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Strategy names must be unique. Found '{name}' twice.", nameof(strategies));
            }
        }

        if (kinds is not null)
        {
            foreach (var name in kinds.Keys.Where(k => !seen.Contains(k)))
            {
                throw new ArgumentException($"A kind was given for '{name}', which is not one of the strategies ({string.Join(", ", seen)}).", nameof(kinds));
            }
        }

        foreach (var name in pricing.ProvisionedConcurrencyByStrategy.Keys.Where(k => !seen.Contains(k)))
        {
            throw new ArgumentException($"A provisioned concurrency was given for '{name}', which is not one of the strategies ({string.Join(", ", seen)}).", nameof(pricing));
        }

        var results = strategies
            .Select(s => StrategyMeasurement.Measure(
                s,
                kinds is not null && kinds.TryGetValue(s.Name, out var kind) ? kind : null,
                pricing))
            .ToList();
        return new StrategyComparison(pricing, results);
    }
}
