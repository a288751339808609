using System.Collections.Frozen;
using System.Reflection;

namespace ColdStart.Analysis.Classification.Internal;

/// <summary>
/// Top-level standard-library module names per CPython minor version, read from the embedded
/// <c>Data/stdlib-3.X.txt</c> files (made by <c>Data/generate_stdlib_lists.py</c>).
/// </summary>
internal static class StandardLibraryLists
{
    private const string ResourcePrefix = "ColdStart.Analysis.Data.stdlib-";

    private static readonly Lazy<(SortedDictionary<Version, FrozenSet<string>> ByVersion, FrozenSet<string> Union)> Lists = new(Load);

    public static IReadOnlyCollection<Version> Versions => Lists.Value.ByVersion.Keys;

    /// <summary>The list of the given minor version, the nearest listed one outside the range, or the union of all when null.</summary>
    public static FrozenSet<string> For(Version? version)
    {
        var (byVersion, union) = Lists.Value;
        if (version is null)
        {
            return union;
        }

        var minor = new Version(version.Major, version.Minor);
        if (byVersion.TryGetValue(minor, out var exact))
        {
            return exact;
        }

        var older = byVersion.Keys.Where(v => v < minor).ToList();
        return older.Count > 0 ? byVersion[older[^1]] : byVersion.First().Value;
    }

    private static (SortedDictionary<Version, FrozenSet<string>>, FrozenSet<string>) Load()
    {
        var assembly = typeof(StandardLibraryLists).Assembly;
        var byVersion = new SortedDictionary<Version, FrozenSet<string>>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var version = Version.Parse(resource[ResourcePrefix.Length..^".txt".Length]);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var names = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            byVersion[version] = names.ToFrozenSet(StringComparer.Ordinal);
        }

        if (byVersion.Count == 0)
        {
            throw new InvalidOperationException($"no standard-library lists embedded in {assembly.GetName().Name}");
        }

        return (byVersion, byVersion.Values.SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal));
    }
}
