namespace ColdStart.Bench.Logs.Tests;

/// <summary>One input directory for the test class: real captures from the local CPython, taken once.</summary>
public sealed class GeneratedInputs : IDisposable
{
    public GeneratedInputs()
    {
        Catalog = new InputCatalog(Path.Combine(Path.GetTempPath(), "coldstart-bench-tests-" + Guid.NewGuid().ToString("N")));
        try
        {
            _ = Catalog.Profiles;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            MissingPython = e.Message;
        }
    }

    public InputCatalog Catalog { get; }

    /// <summary>Why no CPython could be captured from; null when the captures exist.</summary>
    public string? MissingPython { get; }

    public void Dispose() => Directory.Delete(Catalog.Directory, recursive: true);
}
