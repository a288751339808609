using System.Text;

namespace ColdStart.Cli.Internal;

/// <summary>
/// Writes <c>--output</c>: never over one of the command's inputs, and never half-written — the text goes to a
/// temporary file beside the target, which is renamed over it only once complete.
/// </summary>
internal static class OutputFile
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Throws a <see cref="UsageException"/> when <paramref name="outputPath"/> names one of <paramref name="inputPaths"/>, or
    /// lies inside one that is a folder (a code folder, a cloud assembly: its files are inputs too); <c>-</c> is skipped.
    /// </summary>
    public static void RefuseInputs(string outputPath, IEnumerable<string> inputPaths)
    {
        var target = Resolve(outputPath);
        var targetIdentity = FileIdentity.Of(target);
        foreach (var input in inputPaths.Where(p => p != "-"))
        {
            var source = Resolve(input);
            if (Directory.Exists(source))
            {
                var folder = Path.TrimEndingDirectorySeparator(source) + Path.DirectorySeparatorChar;
                if (target.StartsWith(folder, PathComparison))
                {
                    throw new UsageException($"--output: '{outputPath}' is inside the input folder '{input}'; write the output outside it.");
                }

                continue;
            }

            if (string.Equals(source, target, PathComparison)
                || (targetIdentity is { } t && FileIdentity.Of(source) is { } s && s.Device == t.Device && s.Inode == t.Inode))
            {
                throw new UsageException($"--output: '{outputPath}' is the input file '{input}'; write the output to another file.");
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="outputPath"/>, replacing it only once complete.</summary>
    public static void Write(string outputPath, string text)
    {
        string? temporary = null;
        try
        {
            var target = Resolve(outputPath);
            if (Directory.Exists(target))
            {
                throw new UsageException($"--output: '{outputPath}' is a directory; give a file name.");
            }

            var directory = Path.GetDirectoryName(target)!;
            if (!Directory.Exists(directory))
            {
                throw new UsageException($"--output: cannot write '{outputPath}': the directory '{directory}' does not exist.");
            }

            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

            // A device or pipe (/dev/null, /dev/stdout, a FIFO) cannot be half-written as a file can, and renaming
            // over it would replace the device node itself: write to it directly.
            if (FileIdentity.Of(target) is { IsRegularFile: false })
            {
                using var device = new FileStream(target, FileMode.Open, FileAccess.Write);
                device.Write(bytes);
                return;
            }

            temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
            temporary = null;
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"--output: cannot write '{outputPath}': permission denied (the output is written to a temporary file in the same directory and renamed, so the directory must be writable).");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--output: cannot write '{outputPath}': {e.Message}");
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    private static void DeleteQuietly(string? path)
    {
        try
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error that got us here is the one worth reporting.
        }
    }

    /// <summary>The full path, following a symbolic link at the end so that the link's target is what gets replaced.</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop: left for the write to report
        }
    }
}
