using System.Globalization;

namespace ColdStart.Constructs.Dashboard.Internal;

/// <summary>Numbers for metric math and Logs Insights, which read plain decimals but no exponent notation (1.6E-05).</summary>
internal static class PlainNumber
{
    public static string Format(double value) => value.ToString("0.####################", CultureInfo.InvariantCulture);
}
