using ColdStart.Analysis;
using ColdStart.Lab.Tests.Support;
using Xunit.Abstractions;

namespace ColdStart.Lab.Tests.Running;

/// <summary>
/// The example app's two handlers, run by the lab on every local CPython through the real wrapper from the
/// synthesised layer zip and without it: lazy imports land in the invoke phase, eager ones at init.
/// </summary>
public sealed class ExampleHandlerTests(ITestOutputHelper output)
{
    private static readonly string[] HeavyModules = ["email.message", "http.client", "sqlite3", "xml.etree.ElementTree"];

    private static readonly Dictionary<string, string> WrapperVariable = new() { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/importtime_wrapper" };

    [Fact]
    public void At_least_one_local_cpython_is_installed() =>
        Assert.True(LocalPython.Installed().Count > 0, $"none of python{string.Join(", python", LocalPython.Versions)} found (pyenv or PATH): the lab would be untested");

    [Theory]
    [MemberData(nameof(Pythons.All), MemberType = typeof(Pythons))]
    public void Through_the_real_wrapper_lazy_imports_land_in_the_invoke_phase_and_eager_ones_at_init(string version)
    {
        if (!Pythons.Available(version, output))
        {
            return;
        }

        var layer = ExampleAssembly.WrapperLayerZip;
        var lazy = Assets.Function(Assets.ExampleHandlers, "app_lazy.handler", version, [layer], WrapperVariable) with { Name = "lazy" };
        var eager = Assets.Function(Assets.ExampleHandlers, "app_eager.handler", version, [layer], WrapperVariable) with { Name = "eager" };

        var profiles = ColdStartLab.Profile([lazy, eager], new LabOptions { ColdStarts = 2, WarmUp = 0, EventJson = Assets.SampleEvent });

        foreach (var profile in profiles)
        {
            Assert.Null(profile.Problem);
            Assert.True(profile.RanWrapper);
            Assert.Equal(["importtime_wrapper", Path.GetFileName(profile.Python!), "-S", "bootstrap.pyc"], profile.Argv.Select(Path.GetFileName));
            Assert.Equal(2, profile.Completed);
            Assert.All(profile.Parsed!.ColdStarts, c =>
            {
                Assert.Equal(profile.Python, c.Interpreter);
                Assert.Equal("on-demand", c.InitType);
                Assert.Equal($"python:{version}.lab", c.RuntimeVersion);
                Assert.NotNull(c.FirstReport);
                Assert.True(c.InitDurationMs > c.InitImportMicros / 1000.0, $"Init Duration {c.InitDurationMs} ms is not above the init imports {c.InitImportMicros / 1000.0} ms");
            });
        }

        AssertPhases(profiles[0], expected: ImportPhase.Invoke);
        AssertPhases(profiles[1], expected: ImportPhase.Init);
        Assert.Contains(profiles[0].Report()!.LazyImports, m => m.Name == "sqlite3" && m.MedianFirstInvocationMs > 0);
        Assert.DoesNotContain(profiles[1].Report()!.LazyImports, m => HeavyModules.Contains(m.Name));
        var lazyRoot = profiles[0].Report()!.Tree.Single(n => n.Name == "app_lazy");
        Assert.Equal(["orders"], lazyRoot.Children.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Pythons.All), MemberType = typeof(Pythons))]
    public void Without_a_wrapper_the_interpreter_gets_importtime_directly(string version)
    {
        if (!Pythons.Available(version, output))
        {
            return;
        }

        var lazy = Assets.Function(Assets.ExampleHandlers, "app_lazy.handler", version);

        var profile = ColdStartLab.Profile([lazy], new LabOptions { ColdStarts = 1, WarmUp = 0, EventJson = Assets.SampleEvent }).Single();

        Assert.False(profile.RanWrapper);
        Assert.Equal([Path.GetFileName(profile.Python!), "-X", "importtime", "-S", "bootstrap.pyc"], profile.Argv.Select(Path.GetFileName));
        Assert.Equal(1, profile.Completed);
        AssertPhases(profile, expected: ImportPhase.Invoke);
        Assert.Null(profile.Parsed!.ColdStarts[0].Interpreter);
    }

    private static void AssertPhases(FunctionProfile profile, ImportPhase expected)
    {
        foreach (var coldStart in profile.Parsed!.ColdStarts)
        {
            var phases = coldStart.AllImports.Where(n => HeavyModules.Contains(n.Name)).ToLookup(n => n.Name, n => n.Phase);
            Assert.All(HeavyModules, module => Assert.Equal([expected], phases[module]));
        }
    }
}
