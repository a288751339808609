namespace ColdStart.Analysis.Tests.Support;

/// <summary>The local CPython interpreters, as the product finds them (<see cref="ColdStart.Lab.LocalPython"/>); <see cref="ProcessRunner"/> runs them.</summary>
internal static class LocalPython
{
    public static IReadOnlyList<string> Versions => ColdStart.Lab.LocalPython.Versions;

    /// <summary>The interpreter of one minor version; null when not installed.</summary>
    public static string? Find(string version) => ColdStart.Lab.LocalPython.Find(version);
}
