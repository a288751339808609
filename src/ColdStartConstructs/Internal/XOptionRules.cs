using System.Globalization;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// The CPython <c>-X</c> options ColdStart passes through the wrapper, with the first python3 minor
/// version that understands each. Anything else is refused: older interpreters ignore unknown <c>-X</c>
/// options silently, and a bad value for a known one (e.g. <c>tracemalloc=70000</c>) stops the runtime
/// from starting, so the check must happen at synth time.
/// </summary>
internal static class XOptionRules
{
    private sealed record Rule(string Name, string Shape, int SinceMinor, Func<string?, string?> CheckValue);

    // Ranges are CPython's own: tracemalloc frames 1..65535 (3.9+ abort outside it), int_max_str_digits
    // 0 or >= 640 (else a fatal error at start-up).
    private static readonly Rule[] Rules =
    [
        new("importtime", "importtime", 7, NoValue),
        new("importtime", "importtime=2", 14, v => v == "2" ? null : "the only value is 2 (python3.14+)"),
        new("tracemalloc", "tracemalloc", 4, NoValue),
        new("tracemalloc", "tracemalloc=N", 4, v => IntegerIn(v, 1, 65535) ? null : "N is the number of frames, 1..65535"),
        new("dev", "dev", 7, NoValue),
        new("faulthandler", "faulthandler", 3, NoValue),
        new("frozen_modules", "frozen_modules=on|off", 11, v => v is "on" or "off" ? null : "the value is on or off"),
        new("utf8", "utf8", 7, NoValue),
        new("utf8", "utf8=0|1", 7, v => v is "0" or "1" ? null : "the value is 0 or 1"),
        new("warn_default_encoding", "warn_default_encoding", 10, NoValue),
        new("no_debug_ranges", "no_debug_ranges", 11, NoValue),
        // Added in 3.11 and backported to the 3.8.14, 3.9.14 and 3.10.7 security releases, which every
        // Lambda python3.8-3.10 runtime is past.
        new("int_max_str_digits", "int_max_str_digits=N", 8,
            v => v == "0" || IntegerIn(v, 640, int.MaxValue) ? null : "N is 0 (no limit) or 640..2147483647"),
        new("perf", "perf", 12, NoValue),
    ];

    /// <summary>The accepted option shapes, for documentation and error messages.</summary>
    public static IReadOnlyList<string> Allowed { get; } = Rules.Select(r => r.Shape).ToArray();

    /// <summary>
    /// Returns null when <paramref name="option"/> (a <c>-X</c> value such as <c>tracemalloc=5</c>) is allowed
    /// for python3.<paramref name="pythonMinor"/>, else a short reason naming what is wrong.
    /// </summary>
    public static string? Problem(string option, int pythonMinor)
    {
        ArgumentNullException.ThrowIfNull(option);
        var name = NameOf(option);
        string? value = name.Length == option.Length ? null : option[(name.Length + 1)..];

        if (!Rules.Any(r => r.Name == name))
        {
            return $"not in the allowlist of CPython -X options ColdStart passes: {string.Join(", ", Allowed)}";
        }
        var shaped = Rules.Where(r => r.Name == name && r.Shape.Contains('=', StringComparison.Ordinal) == (value is not null)).ToArray();
        if (shaped.Length == 0)
        {
            var shapes = string.Join(" or ", Rules.Where(r => r.Name == name).Select(r => r.Shape));
            return value is null ? $"needs a value: {shapes}" : $"takes no value: {shapes}";
        }
        var rule = shaped[0];
        var valueProblem = rule.CheckValue(value);
        if (valueProblem is not null)
        {
            return $"invalid value '{value}': {valueProblem}";
        }
        return pythonMinor < rule.SinceMinor ? $"needs python3.{rule.SinceMinor}+" : null;
    }

    /// <summary>The option's name: <c>tracemalloc</c> for <c>tracemalloc=5</c>.</summary>
    public static string NameOf(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? option : option[..equals];
    }

    /// <summary>
    /// The options in one order whatever order they were given in: the <c>importtime</c> option first, the rest
    /// sorted and without repeats. CPython keeps <c>-X</c> options in a dictionary, so the order only matters for an
    /// option given twice with different values, which validation refuses; the same set then gives the same layer.
    /// </summary>
    public static IReadOnlyList<string> Canonical(IReadOnlyList<string> xOptions)
    {
        ArgumentNullException.ThrowIfNull(xOptions);
        var importTime = xOptions.Where(o => NameOf(o) == "importtime").Take(1);
        var rest = xOptions.Where(o => NameOf(o) != "importtime").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. importTime, .. rest];
    }

    private static string? NoValue(string? value) => null;

    private static bool IntegerIn(string? value, int min, int max) =>
        value is { Length: > 0 and <= 10 }
        && value.All(char.IsAsciiDigit)
        && long.Parse(value, CultureInfo.InvariantCulture) is var n
        && n >= min && n <= max;
}
