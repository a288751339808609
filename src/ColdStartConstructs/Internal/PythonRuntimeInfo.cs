using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Internal;

/// <summary>What ColdStart needs to know about a Lambda runtime: is it Python, which 3.x, is it deprecated.</summary>
internal sealed partial record PythonRuntimeInfo(string Name, int? Minor)
{
    /// <summary>Oldest CPython whose import profile ColdStart can read (<c>-X importtime</c> exists since 3.7, Lambda ran 3.8+).</summary>
    public const int OldestSupportedMinor = 8;

    // Lambda's deprecation dates (lambda-runtimes.html); creation is blocked for 3.8–3.10 from 2027-02-01.
    private static readonly Dictionary<int, string> Deprecated = new()
    {
        [8] = "2024-10-14",
        [9] = "2025-12-15",
        [10] = "2026-10-31",
    };

    public static PythonRuntimeInfo Of(Runtime runtime) => Of(runtime.Name);

    public static PythonRuntimeInfo Of(string name)
    {
        var match = PythonName().Match(name);
        return new PythonRuntimeInfo(name, match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null);
    }

    public bool IsPython => Minor is not null;

    public bool IsOsOnly => Name.StartsWith("provided", StringComparison.Ordinal);

    public bool IsContainerImage => Name == "FROM_IMAGE";

    public string? DeprecationDate => Minor is { } m && Deprecated.TryGetValue(m, out var date) ? date : null;

    [GeneratedRegex(@"^python3\.(\d+)$")]
    private static partial Regex PythonName();
}
