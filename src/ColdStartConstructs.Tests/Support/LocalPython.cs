using System.Runtime.Versioning;
using Xunit;
namespace ColdStart.Constructs.Tests.Support;

/// <summary>The local CPython interpreters, as the product finds them (<see cref="ColdStart.Lab.LocalPython"/>), with xunit theory data.</summary>
// Runs POSIX shells and interpreters: Linux and macOS only.
[UnsupportedOSPlatform("windows")]
internal static class LocalPython
{
    public static IReadOnlyList<string> Versions => ColdStart.Lab.LocalPython.Versions;

    public static TheoryData<string> VersionData => new(Versions);

    public static int Minor(string version) => ColdStart.Lab.LocalPython.Minor(version);

    /// <summary>Absolute path of python<paramref name="version"/> (e.g. "3.11"), or null when it is not installed.</summary>
    public static string? Find(string version) => ColdStart.Lab.LocalPython.Find(version);

    /// <summary>
    /// <see cref="Find"/>, and when the version is missing a line in the test's output naming it, so a skipped version
    /// is visible (at least one must run: see WrapperRunTests).
    /// </summary>
    public static string? FindOrSaySkipped(string version, Xunit.Abstractions.ITestOutputHelper output)
    {
        var python = Find(version);
        if (python is null)
        {
            output.WriteLine($"python{version} is not installed (pyenv or PATH): skipped");
        }
        return python;
    }

    /// <summary>Every version from <see cref="Versions"/> that is installed.</summary>
    public static IReadOnlyList<string> Installed() => ColdStart.Lab.LocalPython.Installed();

    /// <summary>pyenv's root: $PYENV_ROOT, else ~/.pyenv; null when neither exists.</summary>
    public static string? PyenvRoot() => ColdStart.Lab.LocalPython.PyenvRoot();
}
