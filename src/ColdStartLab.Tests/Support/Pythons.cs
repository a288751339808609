using Xunit.Abstractions;

namespace ColdStart.Lab.Tests.Support;

/// <summary>The local CPython versions, for theories that run on each; a missing one is skipped with a message naming it.</summary>
public static class Pythons
{
    public static TheoryData<string> All => new(LocalPython.Versions);

    /// <summary>True when python<paramref name="version"/> is installed; otherwise writes why the test does nothing.</summary>
    public static bool Available(string version, ITestOutputHelper output)
    {
        if (LocalPython.Find(version) is not null)
        {
            return true;
        }

        output.WriteLine($"python{version} is not installed (pyenv or PATH): skipped for this version.");
        return false;
    }
}
