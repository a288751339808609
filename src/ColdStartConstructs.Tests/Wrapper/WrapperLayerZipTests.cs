using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using ColdStart.Constructs.Internal;
using ICSharpCode.SharpZipLib.Zip;
using Xunit;
using Xunit.Abstractions;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

public sealed class WrapperLayerZipTests(ITestOutputHelper output)
{
    // Changes when a byte of the default layer zip changes (script text, timestamp, attributes, library
    // behaviour). A change is fine when intended: it gives every user a new layer version, so say so in the commit.
    private const string DefaultZipSha256 = "a416643dc52a552dfe8506afb987c3698dcdb8ff83f0be36c0a4c354935365c4";

    private static readonly string DefaultScript = WrapperScript.Render(["importtime"]);

    [Fact]
    public void Holds_only_the_wrapper_at_the_root_as_an_executable_unix_file()
    {
        using var zip = new ZipFile(new MemoryStream(WrapperLayerZip.Build(DefaultScript)));

        var entry = Assert.Single(zip.Cast<ZipEntry>());
        Assert.Equal(WrapperScript.FileName, entry.Name);
        Assert.True(entry.IsFile);
        Assert.Equal((int)HostSystemID.Unix, entry.HostSystem);
        Assert.Equal(Convert.ToInt32("100755", 8), entry.ExternalFileAttributes >>> 16);
        Assert.Equal(WrapperLayerZip.Timestamp, entry.DateTime);
        Assert.True(entry.ExtraData is null || entry.ExtraData.Length == 0, "an extra field (time stamps, uid/gid) would vary between machines");
        using var content = new StreamReader(zip.GetInputStream(entry), new UTF8Encoding(false));
        Assert.Equal(DefaultScript, content.ReadToEnd());
    }

    // Lambda extracts layers with a Unix unzip that honours the mode bits; Info-ZIP's unzip does the same.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Unzips_as_an_executable_file_with_an_independent_unzip()
    {
        if (Executables.OnPath("unzip") is not { } unzip)
        {
            output.WriteLine("unzip is not installed: skipped");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("coldstart-unzip-test-").FullName;
        try
        {
            var zipPath = Path.Combine(folder, "layer.zip");
            File.WriteAllBytes(zipPath, WrapperLayerZip.Build(DefaultScript));

            var result = ProcessRun.Start(unzip, ["-q", zipPath, "-d", Path.Combine(folder, "opt")]);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var wrapper = Path.Combine(folder, "opt", WrapperScript.FileName);
            Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), File.GetUnixFileMode(wrapper));
            Assert.Equal(DefaultScript, File.ReadAllText(wrapper));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Carries_the_script_text_it_was_given()
    {
        var script = WrapperScript.Render(["importtime", "dev", "tracemalloc=5"]);
        using var zip = new ZipFile(new MemoryStream(WrapperLayerZip.Build(script)));

        using var content = new StreamReader(zip.GetInputStream(zip.GetEntry(WrapperScript.FileName)));
        Assert.Equal(script, content.ReadToEnd());
    }

    [Fact]
    public void Is_the_same_bytes_on_every_build()
    {
        Assert.Equal(WrapperLayerZip.Build(DefaultScript), WrapperLayerZip.Build(DefaultScript));
    }

    [Fact]
    public void Default_zip_bytes_have_not_changed()
    {
        Assert.Equal(DefaultZipSha256, Convert.ToHexStringLower(SHA256.HashData(WrapperLayerZip.Build(DefaultScript))));
    }

    [Fact]
    public void A_synthesised_stack_uploads_exactly_these_bytes()
    {
        var asset = Support.SynthesizedLayer.Zip(["importtime"]);

        Assert.Equal(DefaultZipSha256, Convert.ToHexStringLower(SHA256.HashData(asset)));
    }

    [Fact]
    public void Cache_file_is_content_addressed_and_reused()
    {
        var bytes = WrapperLayerZip.Build(DefaultScript);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var path = WrapperLayerZip.WriteToCache(DefaultScript);

        Assert.True(Path.IsPathFullyQualified(path));
        Assert.Equal(
            Path.Combine(Path.GetFullPath(Path.GetTempPath()), "coldstart-layer", sha, WrapperScript.FileName + ".zip"),
            path);
        Assert.Equal(bytes, File.ReadAllBytes(path));

        var marker = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, marker);
        Assert.Equal(path, WrapperLayerZip.WriteToCache(DefaultScript));
        Assert.Equal(marker, File.GetLastWriteTimeUtc(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Cache_file_with_other_bytes_is_replaced()
    {
        var path = WrapperLayerZip.WriteToCache(DefaultScript);
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Equal(path, WrapperLayerZip.WriteToCache(DefaultScript));

        Assert.Equal(WrapperLayerZip.Build(DefaultScript), File.ReadAllBytes(path));
    }
}
