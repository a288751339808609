using ColdStart.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Real <c>-X importtime</c> output of every local CPython, checked against what the interpreter actually imported.</summary>
public class RealCPythonTests(ITestOutputHelper output)
{
    private static readonly string[] Requested = ["json", "decimal", "email.message", "http.client", "xml.etree.ElementTree", "sqlite3", "sys"];

    public static TheoryData<string> Versions() => [.. LocalPython.Versions];

    [Fact]
    public void At_least_one_local_cpython_exists()
    {
        Assert.Contains(LocalPython.Versions, v => LocalPython.Find(v) is not null);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Rebuilt_forest_matches_the_modules_the_interpreter_imported(string version)
    {
        var python = LocalPython.Find(version);
        if (python is null)
        {
            output.WriteLine($"CPython {version} is not installed here; skipped.");
            return;
        }

        // each loaded module, and whether it came from site-packages (a .pth hook such as setuptools' _distutils_hack)
        var code = $"import {string.Join(", ", Requested)}\nfor n, m in sorted(sys.modules.items()): print(n, 'site-packages' in (getattr(m, '__file__', None) or ''))";
        var exit = ProcessRunner.Run(python, ["-I", "-X", "importtime", "-c", code], out var stdout, out var stderr);
        Assert.True(exit == 0, $"{python} exited {exit}: {stderr}");
        var fromSitePackages = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')).ToDictionary(f => f[0], f => f[1] == "True");
        var loaded = fromSitePackages.Keys.ToHashSet();

        var result = Support.Parse.Text(stderr, new ParseOptions(), name: $"python{version}");

        var coldStart = Assert.Single(result.ColdStarts);
        var imported = coldStart.AllImports.ToList();
        Assert.Equal(0, result.Skipped.Total);
        Assert.Equal(InputFormat.RawImportTime, result.Sources[0].DetectedFormat);
        // CPython also prints a row for an import that failed (nt, _winapi, sitecustomize…): those must fail again
        var notLoaded = imported.Select(n => n.Name).Where(n => !loaded.Contains(n)).Distinct().ToList();
        Assert.Equal(notLoaded, FailingImports(python, notLoaded));
        Assert.All(Requested.Where(m => m != "sys"), m => Assert.Contains(m, imported.Select(n => n.Name)));
        Assert.All(imported, n =>
        {
            var sum = n.SelfMicros + n.Children.Sum(c => c.CumulativeMicros);
            Assert.InRange(n.CumulativeMicros - sum, -(n.Children.Count + 1), n.Children.Count + 1);
        });
        Assert.All(imported.Where(n => loaded.Contains(n.Name)), n => Assert.Equal(
            fromSitePackages[n.Name] ? ModuleClass.ThirdParty : ModuleClass.StandardLibrary,
            new ModuleClassifier().Classify(n.Name, new Version(version))));
        output.WriteLine($"{python}: {imported.Count} imports, {coldStart.Roots.Count} roots, {coldStart.InitImportMicros} µs; failed imports: {string.Join(", ", notLoaded)}");
    }

    private static List<string> FailingImports(string python, IEnumerable<string> names)
    {
        const string code = "import importlib, sys\nfor n in sys.argv[1:]:\n    try:\n        importlib.import_module(n)\n    except ImportError:\n        print(n)";
        var exit = ProcessRunner.Run(python, ["-I", "-c", code, .. names], out var stdout, out var stderr);
        Assert.True(exit == 0, $"{python} exited {exit}: {stderr}");
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
