using System.Security.Cryptography;
using System.Text;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Builds the wrapper layer's zip byte for byte the same on Linux, macOS and Windows, so CDK's asset hash
/// (taken over the bytes of a <c>.zip</c> asset) is identical everywhere and the exec bit never depends on
/// the file system the synth ran on.
/// </summary>
internal static class WrapperLayerZip
{
    /// <summary>Regular file, rwxr-xr-x: the Unix mode as zip external attributes hold it (high 16 bits).</summary>
    public const int ExternalAttributes = 0b1000_000_111_101_101 << 16;

    /// <summary>The timestamp every build writes; 1980-02-01 keeps it above the DOS epoch in every time zone.</summary>
    public static readonly DateTime Timestamp = new(1980, 2, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Returns the zip bytes: one stored entry <see cref="WrapperScript.FileName"/> at the root holding <paramref name="scriptText"/> as UTF-8.</summary>
    public static byte[] Build(string scriptText)
    {
        ArgumentNullException.ThrowIfNull(scriptText);
        var content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(scriptText);
        var crc = new Crc32();
        crc.Update(content);

        using var buffer = new MemoryStream();
        using (var zip = new ZipOutputStream(buffer) { IsStreamOwner = false, UseZip64 = UseZip64.Off })
        {
            // Stored, not deflated: the script is ~1 KB, and no compressor version can change the bytes.
            var entry = new ZipEntry(WrapperScript.FileName)
            {
                DateTime = Timestamp,
                HostSystem = (int)HostSystemID.Unix,
                ExternalFileAttributes = ExternalAttributes,
                CompressionMethod = CompressionMethod.Stored,
                Size = content.Length,
                CompressedSize = content.Length,
                Crc = crc.Value,
            };
            zip.PutNextEntry(entry);
            zip.Write(content, 0, content.Length);
            zip.CloseEntry();
            zip.Finish();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the zip for <paramref name="scriptText"/> to
    /// <c>&lt;temp&gt;/coldstart-layer/&lt;sha256 of the zip&gt;/importtime_wrapper.zip</c> (atomically; an
    /// existing file with the same bytes is reused) and returns that absolute path, for <c>Code.FromAsset</c>.
    /// </summary>
    public static string WriteToCache(string scriptText)
    {
        var bytes = Build(scriptText);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var folder = Path.Combine(Path.GetFullPath(Path.GetTempPath()), "coldstart-layer", hash);
        var path = Path.Combine(folder, WrapperScript.FileName + ".zip");
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        // A unique temp name plus a rename: parallel synths never see a half-written zip.
        var temporary = Path.Combine(folder, $".{WrapperScript.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }
}
