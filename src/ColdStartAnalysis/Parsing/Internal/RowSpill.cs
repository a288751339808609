using Microsoft.Win32.SafeHandles;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// A temporary file the open rows of quiet Lambda environments wait in (<see cref="ForestBuilder.TrySpill(RowSpill)"/>): in an export
/// every environment stays open to the end of the input, so without it memory would grow with the rows of every
/// environment. It is created anew (never an existing file), deleted as soon as it is open where the system allows (Linux,
/// macOS: nothing is left behind even if the process is killed) and otherwise when it is closed. Rows are written once and
/// read back once, when their cold start closes or changes.
/// </summary>
internal sealed class RowSpill : IDisposable
{
    /// <summary>Open rows kept in memory before quiet environments' rows are spilled (<see cref="IColdStartSink.SpillAfterRows"/>):
    /// 1.5 MB of rows, a few hundred environments; a small export never creates the file.</summary>
    public const int DefaultSpillAfterRows = 65_536;

    private readonly SafeFileHandle _file;
    private long _length;

    private RowSpill(SafeFileHandle file) => _file = file;

    /// <summary>A write failed (a full disk): nothing more should be tried.</summary>
    public bool Broken { get; private set; }

    /// <summary>A new spill file in the temporary directory; null when none can be created (the rows then stay in memory).</summary>
    public static RowSpill? TryCreate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coldstart-{Environment.ProcessId}-{Guid.NewGuid():N}.rows");
        try
        {
            var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return new RowSpill(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Appends <paramref name="bytes"/>; returns where they start, or null when the file cannot take them (a full
    /// disk: the caller keeps them in memory).</summary>
    public long? TryWrite(ReadOnlySpan<byte> bytes)
    {
        try
        {
            RandomAccess.Write(_file, bytes, _length);
        }
        catch (IOException)
        {
            Broken = true;
            return null;
        }

        var at = _length;
        _length += bytes.Length;
        return at;
    }

    /// <summary>Reads back what was written at <paramref name="offset"/>.</summary>
    /// <exception cref="LogSourceException">The file cannot be read back (a disk error, or something else cut it): the one-line
    /// message says so, as for an input that cannot be read.</exception>
    public void Read(long offset, Span<byte> bytes)
    {
        var read = 0;
        try
        {
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(_file, bytes[read..], offset + read);
                if (n == 0)
                {
                    throw new IOException($"it ends at byte {offset + read} of {_length}");
                }

                read += n;
            }
        }
        catch (IOException e)
        {
            throw new LogSourceException(
                $"the temporary file the open import rows wait in (in {Path.GetTempPath()}) could not be read back ({e.Message}); run again, with TMPDIR set to a directory on a healthy disk.",
                e);
        }
    }

    public void Dispose() => _file.Dispose();
}
