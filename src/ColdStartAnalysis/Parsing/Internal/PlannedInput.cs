using System.IO.Hashing;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// One input before it is read: where it stands in the reading order (by its first event timestamp), and whether it is a
/// byte-for-byte repeat of an earlier input. Files are looked at with a separate cheap read; other inputs (stdin, streams)
/// are opened once and their first buffer is kept for the real read.
/// </summary>
internal sealed class PlannedInput(int index, LogSource source)
{
    private const int PeekBytes = 64 << 10;

    public int Index { get; } = index;

    public LogSource Source { get; } = source;

    /// <summary>The first event timestamp (Unix ms), when the first bytes show one.</summary>
    public long? FirstMillis { get; private set; }

    /// <summary>An earlier input with the same bytes; this one is skipped.</summary>
    public PlannedInput? DuplicateOf { get; private set; }

    /// <summary>For an input that can be opened only once: its buffer, already filled once.</summary>
    public SourceBuffer? Opened { get; private set; }

    /// <summary>The stream behind <see cref="Opened"/>, to dispose of once read.</summary>
    public Stream? OpenedStream { get; private set; }

    public bool Compressed { get; private set; }

    /// <summary>
    /// Every input in reading order: those without a timestamp first (as given), then by first timestamp; repeats of an
    /// earlier file are in the list, marked <see cref="DuplicateOf"/>, not to be read.
    /// </summary>
    public static List<PlannedInput> Plan(IReadOnlyList<LogSource> sources, Func<LogSource, Stream> open)
    {
        var inputs = sources.Select((s, i) => new PlannedInput(i, s)).ToList();
        MarkRepeatedFiles(inputs);
        foreach (var input in inputs.Where(i => i.DuplicateOf is null))
        {
            input.Peek(open);
        }

        return [.. inputs.OrderBy(i => i.FirstMillis is null ? 0 : 1).ThenBy(i => i.FirstMillis ?? 0).ThenBy(i => i.Index)];
    }

    private void Peek(Func<LogSource, Stream> open)
    {
        var file = Source.FilePath is { } path ? OpenFile(path) : null;
        if (file is { CanSeek: true })
        {
            // a regular file: look at its head now and open it again to read it
            try
            {
                using var stream = InputStreams.Decompressed(file, out _);
                var head = new byte[PeekBytes];
                var count = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                FirstMillis = InputSniffer.FirstMillis(head.AsSpan(0, count), eof: count < head.Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ICSharpCode.SharpZipLib.SharpZipBaseException or InvalidDataException)
            {
                // the real read reports what is wrong with it, with the offset
            }

            return;
        }

        // standard input, a pipe (process substitution), a stream: opened once, its first buffer kept for the real read
        OpenedStream = InputStreams.Decompressed(file ?? open(Source), out var compressed, null);
        Compressed = compressed;
        Opened = new SourceBuffer(OpenedStream, Source.Name, _ => { });
        try
        {
            Opened.Fill();
        }
        catch (LogSourceException)
        {
            // reported when the input is read
        }

        FirstMillis = InputSniffer.FirstMillis(Opened.Window, Opened.Eof);
    }

    /// <summary>The file opened for reading (a pipe too: then it is read from this handle only); null when it cannot be opened.</summary>
    private static FileStream? OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The same path twice, or files of the same size and content (XxHash128): only the first is read.</summary>
    private static void MarkRepeatedFiles(List<PlannedInput> inputs)
    {
        var files = inputs.Where(i => i.Source.FilePath is not null)
            .Select(i => (Input: i, Info: new FileInfo(i.Source.FilePath!)))
            .Where(f => f.Info.Exists && f.Info.Length > 0)
            .ToList();
        foreach (var group in files.GroupBy(f => f.Info.Length).Where(g => g.Count() > 1))
        {
            var seen = new Dictionary<UInt128, PlannedInput>();
            var paths = new Dictionary<string, PlannedInput>(StringComparer.Ordinal);
            foreach (var (input, info) in group)
            {
                if (paths.TryGetValue(info.FullName, out var samePath))
                {
                    input.DuplicateOf = samePath;
                    continue;
                }

                paths[info.FullName] = input;
                var hash = ContentHash(info.FullName);
                if (hash is { } h && !seen.TryAdd(h, input))
                {
                    input.DuplicateOf = seen[h];
                }
            }
        }
    }

    private static UInt128? ContentHash(string path)
    {
        try
        {
            using var stream = OpenFile(path);
            if (stream is not { CanSeek: true })
            {
                return null;
            }

            var hash = new XxHash128();
            hash.Append(stream);
            return hash.GetCurrentHashAsUInt128();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
