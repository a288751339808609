using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ColdStart.Cli.Commands;

/// <summary>
/// What an option accepts, and the one-line error when a value does not fit: the message names the option,
/// echoes the value and says what it accepts, in words (never a .NET type name). Numbers out of range, NaN
/// and infinities are refused, never clamped.
/// </summary>
/// <remarks>
/// Declare a range with <c>AcceptWholeNumber</c>/<c>AcceptNumber</c>/<c>AcceptOneOf</c> on the option.
/// <see cref="ColdStartApp"/> gives every other number option of every command the same kind of parser (any
/// finite number; whole numbers that fit), so a command added later cannot leak
/// System.CommandLine's own "expected type 'System.Int32'" messages.
/// </remarks>
internal static class OptionValues
{
    private static readonly ConditionalWeakTable<Option, string> AcceptedText = new();

    /// <summary>What <paramref name="option"/> accepts, in words (e.g. "a whole number, 1 or more"); null when unknown.</summary>
    public static string? Accepts(Option option) => AcceptedText.TryGetValue(option, out var text) ? text : null;

    public static Option<int> AcceptWholeNumber(this Option<int> option, int min, int max = int.MaxValue)
    {
        var accepts = WholeNumberText(min, max);
        Remember(option, accepts);
        option.CustomParser = result => ParseWholeNumber(result, min, max, accepts);
        return option;
    }

    public static Option<int?> AcceptWholeNumber(this Option<int?> option, int min, int max = int.MaxValue)
    {
        var accepts = WholeNumberText(min, max);
        Remember(option, accepts);
        option.CustomParser = result => ParseWholeNumber(result, min, max, accepts);
        return option;
    }

    /// <param name="unit">Said after the bounds, e.g. "ms"; null for none.</param>
    public static Option<double> AcceptNumber(this Option<double> option, double min, double max = double.MaxValue, string? unit = null)
    {
        var accepts = NumberText(min, max, unit);
        Remember(option, accepts);
        option.CustomParser = result => ParseNumber(result, min, max, accepts);
        return option;
    }

    /// <param name="unit">Said after the bounds, e.g. "ms"; null for none.</param>
    public static Option<double?> AcceptNumber(this Option<double?> option, double min, double max = double.MaxValue, string? unit = null)
    {
        var accepts = NumberText(min, max, unit);
        Remember(option, accepts);
        option.CustomParser = result => ParseNumber(result, min, max, accepts);
        return option;
    }

    /// <summary>Exactly one of <paramref name="values"/> (ordinal, case-sensitive, as shown in help).</summary>
    public static Option<string> AcceptOneOf(this Option<string> option, params string[] values)
    {
        var accepts = "one of " + string.Join(", ", values);
        Remember(option, accepts);
        option.CompletionSources.Add(values);
        option.CustomParser = result =>
        {
            var token = Token(result);
            if (values.Contains(token, StringComparer.Ordinal))
            {
                return token;
            }

            Fail(result, token, "is not accepted", accepts);
            return null;
        };
        return option;
    }

    /// <summary>
    /// Gives every number option of <paramref name="command"/> and its subcommands that has no parser of its own
    /// the default one: any finite number, or a whole number that fits.
    /// </summary>
    public static void ApplyDefaults(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> { CustomParser: null } o:
                    o.AcceptWholeNumber(int.MinValue);
                    break;
                case Option<int?> { CustomParser: null } o:
                    o.AcceptWholeNumber(int.MinValue);
                    break;
                case Option<double> { CustomParser: null } o:
                    o.AcceptNumber(double.MinValue);
                    break;
                case Option<double?> { CustomParser: null } o:
                    o.AcceptNumber(double.MinValue);
                    break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            ApplyDefaults(subcommand);
        }
    }

    private static void Remember(Option option, string accepts) => AcceptedText.AddOrUpdate(option, accepts);

    private static int ParseWholeNumber(ArgumentResult result, int min, int max, string accepts)
    {
        var token = Token(result);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
        {
            Fail(result, token, "is not a number", accepts);
        }
        else if (number < min)
        {
            Fail(result, token, $"is too small (the least is {N(min)})", accepts);
        }
        else if (number > max)
        {
            Fail(result, token, $"is too large (the most is {N(max)})", accepts);
        }
        else if (number != Math.Floor(number))
        {
            Fail(result, token, "is not a whole number", accepts);
        }
        else
        {
            return (int)number;
        }

        return 0;
    }

    private static double ParseNumber(ArgumentResult result, double min, double max, string accepts)
    {
        var token = Token(result);

        // double.TryParse takes "NaN" and "Infinity", and turns overflows such as 1e999 into infinities.
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            Fail(result, token, "is not a number", accepts);
        }
        else if (double.IsInfinity(value))
        {
            Fail(result, token, "is not a finite number", accepts);
        }
        else if (value < min)
        {
            Fail(result, token, $"is too small (the least is {N(min)})", accepts);
        }
        else if (value > max)
        {
            Fail(result, token, $"is too large (the most is {N(max)})", accepts);
        }
        else
        {
            return value;
        }

        return 0;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static void Fail(ArgumentResult result, string token, string problem, string accepts) =>
        result.AddError($"{OptionName(result)}: '{token}' {problem}; expected {accepts}.");

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult o ? o.Option.Name : result.Argument.Name;

    private static string WholeNumberText(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "a whole number",
        (_, int.MaxValue) => $"a whole number, {N(min)} or more",
        _ => $"a whole number from {N(min)} to {N(max)}",
    };

    private static string NumberText(double min, double max, string? unit)
    {
        var suffix = unit is null ? "" : " " + unit;
        return (min, max) switch
        {
            (double.MinValue, double.MaxValue) => "a finite number" + (unit is null ? "" : $" of {unit}"),
            (_, double.MaxValue) => $"a number of {N(min)}{suffix} or more",
            _ => $"a number from {N(min)} to {N(max)}{suffix}",
        };
    }

    private static string N(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
