using System.Globalization;

namespace ColdStart.Cli.Internal;

/// <summary>Number formatting shared by the renderers: invariant culture, a dash for "no data".</summary>
internal static class Format
{
    public const string None = "-";

    public static string Ms(double? value) => value is { } v ? v.ToString("#,0.0", CultureInfo.InvariantCulture) : None;

    public static string MsWithUnit(double? value) => value is null ? None : Ms(value) + " ms";

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double? fraction) => fraction switch
    {
        { } f when !double.IsFinite(f) => None,
        > 0 and < 0.0005 => "<0.1%",
        { } f => (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        null => None,
    };

    public static string Dollars(double? value) => value switch
    {
        null => None,
        0 => "$0.00",
        < 0.01 => "<$0.01",
        { } v => "$" + v.ToString("#,0.00", CultureInfo.InvariantCulture),
    };

    public static string Number(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
