using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Amazon.CDK.Assertions;
using Xunit;

namespace ColdStart.Constructs.Tests.Support;

/// <summary>
/// One JSON snapshot per scenario under <c>Snapshots/</c>, compared on every run and rewritten only with
/// <c>UPDATE_SNAPSHOTS=1</c>. Asset hashes are scrubbed so the files are the same on every machine.
/// </summary>
internal static partial class Snapshot
{
    public static string Directory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Snapshots");

    public static void Match(string scenario, Template template)
    {
        var actual = Scrub(template.ToJSON());
        var file = Path.Combine(Directory(), scenario + ".json");
        if (System.Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }
        Assert.True(File.Exists(file), $"No snapshot {file}: run the tests once with UPDATE_SNAPSHOTS=1 and review the file.");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    public static string Scrub(IDictionary<string, object> template)
    {
        var json = JsonSerializer.Serialize(template, Options);
        return AssetHash().Replace(json, "<asset-hash>").ReplaceLineEndings("\n") + "\n";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
