namespace ColdStart.Analysis;

/// <summary>One input: a file or stdin.</summary>
/// <param name="Name">Shown in messages and in <see cref="SourceSummary.Name"/>; also the stream name for inputs without log stream names.</param>
/// <param name="Open">Opens the input for reading; called once.</param>
public sealed record LogSource(string Name, Func<Stream> Open)
{
    private const int FileBufferSize = 1 << 20;

    /// <summary>A file on disk, opened for sequential reading.</summary>
    /// <exception cref="LogSourceException">When opened, if the file cannot be read.</exception>
    public static LogSource FromFile(string path) => new LogSource(path, () =>
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileBufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LogSourceException($"cannot read '{path}': {e.Message}", e);
        }
    }) { FilePath = path };

    /// <summary>
    /// The path when the source is a file: it can then be opened more than once (a cheap look at its first bytes to order the
    /// inputs by time, and a content comparison with same-sized inputs), and <see cref="Open"/> is still called once.
    /// </summary>
    internal string? FilePath { get; init; }

    /// <summary>Standard input, named <c>-</c>.</summary>
    public static LogSource FromStdin() => new("-", Console.OpenStandardInput);

    /// <summary>Text held in memory (UTF-8), for tests and callers that already have the log.</summary>
    public static LogSource FromText(string name, string text) =>
        new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false));
}
