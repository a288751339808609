using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ColdStart.Analysis.Pricing;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Commands;

/// <summary>
/// The numeric options of <c>coldstart compare</c>: each parses its own value and refuses anything outside what it
/// accepts (NaN, infinities, negative prices, 1e30 requests…) with one line naming the option, rather than letting a
/// number through to be printed clamped.
/// </summary>
internal static class ComparisonOptions
{
    public static Option<double?> Whole(string name, string description, string helpName, double min, double max, string unit) =>
        Number(name, description, helpName, min, max, $"a whole number{unit} from {Text(min)} to {Text(max)}", whole: true);

    public static Option<double?> Price(string name, string description, double max = PricingModel.MaxPricePerGbSecond) =>
        Number(name, description, "USD", 0, max, $"a price in USD from 0 to {Text(max)}");

    public static Option<double?> Number(string name, string description, string helpName, double min, double max, string accepts, bool whole = false, bool minExclusive = false)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
            // Float allows exponents (1e6) but, unlike the default parser, a finite value is required: "NaN" and
            // "Infinity" are refused below because they fail the range test.
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && (minExclusive ? value > min : value >= min) && value <= max && (!whole || value == Math.Floor(value)))
            {
                return value;
            }

            result.AddError($"{name}: expected {accepts}; got '{token}'");
            return null;
        };
        return option;
    }

    /// <summary>An option whose value is one of a few words, refused otherwise with one line naming the option.</summary>
    public static Option<string> OneOf(string name, string description, string defaultValue, params string[] allowed)
    {
        var accepts = string.Join(" or ", allowed);
        return new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join("|", allowed),
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (allowed.Contains(token, StringComparer.Ordinal))
                {
                    return token;
                }

                result.AddError($"{name}: expected {accepts}; got '{token}'");
                return defaultValue;
            },
        };
    }

    /// <summary>Parses the values of <c>--provisioned-concurrency</c>: <c>N</c> for every provisioned strategy, <c>NAME=N</c> for one.</summary>
    public static (int? All, Dictionary<string, int> ByStrategy) ProvisionedConcurrency(IEnumerable<string> values, IReadOnlyCollection<string> strategies)
    {
        const string Option = "--provisioned-concurrency";
        int? all = null;
        var byStrategy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=');
            var name = equals < 0 ? null : value[..equals].Trim();
            var number = equals < 0 ? value.Trim() : value[(equals + 1)..].Trim();
            if (name is "" || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var concurrency)
                || concurrency < 1 || concurrency > PricingModel.MaxProvisionedConcurrency)
            {
                throw new UsageException($"{Option}: '{value}' is not N or NAME=N with N a whole number from 1 to {Text(PricingModel.MaxProvisionedConcurrency)}.");
            }

            if (name is null)
            {
                if (all is not null)
                {
                    throw new UsageException($"{Option}: N (for every provisioned strategy) is given twice; give NAME=N for a single strategy.");
                }

                all = concurrency;
            }
            else if (!strategies.Contains(name))
            {
                throw new UsageException($"{Option}: '{name}' is not one of the strategies ({string.Join(", ", strategies)}).");
            }
            else if (!byStrategy.TryAdd(name, concurrency))
            {
                throw new UsageException($"{Option}: strategy '{name}' is given twice.");
            }
        }

        return (all, byStrategy);
    }

    public static string Text(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
