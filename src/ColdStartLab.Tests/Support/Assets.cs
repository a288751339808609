using System.IO.Compression;
using ColdStart.Examples;

namespace ColdStart.Lab.Tests.Support;

/// <summary>The test handlers, the example app's handlers and layers built from them.</summary>
internal static class Assets
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "TestAssets", name);

    public static string ExampleHandlers => ExampleApp.HandlerDirectory;

    public static string SampleEvent => File.ReadAllText(Path.Combine(ExampleApp.HandlerDirectory, "sample_event.json"));

    public static LambdaFunction Function(string code, string handler = "app.handler", string version = "3.13", IReadOnlyList<string>? layers = null,
        IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Name = Path.GetFileName(code),
        Runtime = "python" + version,
        Handler = handler,
        CodePath = code,
        LayerPaths = layers ?? [],
        Environment = environment ?? new Dictionary<string, string>(),
    };

    /// <summary>A layer zip with a module in python/lib/python3.X/site-packages and another in python/.</summary>
    public static string ZipLayer(TempFolder folder, string version)
    {
        var path = folder.PathOf($"layer-{version}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, $"python/lib/python{version}/site-packages/from_zip_layer.py", "NAME = \"zip layer\"\n");
        Add(zip, "python/shadowed.py", File.ReadAllText(Folder("layer_zip_shadowed.py")));
        return path;
    }

    /// <summary>The code folder zipped, as a deployment package.</summary>
    public static string Zip(TempFolder folder, string source, string name)
    {
        var path = folder.PathOf(name);
        ZipFile.CreateFromDirectory(source, path);
        return path;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("coldstart-lab-test-").FullName;

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
