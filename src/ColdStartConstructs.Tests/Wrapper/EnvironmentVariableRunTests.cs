using System.Runtime.Versioning;
using Amazon.CDK.Assertions;
using Xunit;
using Xunit.Abstractions;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

/// <summary>
/// <see cref="ProfilingMode.EnvironmentVariable"/> with every local CPython: the variables a synthesised template sets
/// make the interpreter print its import profile by itself, and every child Python process inherits them.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class EnvironmentVariableRunTests(ITestOutputHelper output)
{
    // The function's variables exactly as the template deploys them.
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> TemplateVariables = new(() =>
    {
        var stack = Cdk.NewStack();
        _ = new ImportTimeProfiledFunction(stack, "Api", Cdk.Props(p => p.ImportTimeProfiling = new() { Mode = ProfilingMode.EnvironmentVariable }));
        var function = Template.FromStack(stack).FindResources("AWS::Lambda::Function").Values.Single();
        var environment = (IDictionary<string, object>)((IDictionary<string, object>)function["Properties"])["Environment"];
        return ((IDictionary<string, object>)environment["Variables"]).ToDictionary(kv => kv.Key, kv => (string?)(string)kv.Value);
    });

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void The_templates_variable_makes_the_interpreter_print_its_import_profile(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        Assert.Equal(new Dictionary<string, string?> { ["PYTHONPROFILEIMPORTTIME"] = "1" }, TemplateVariables.Value);
        using var sandbox = new WrapperSandbox(["importtime"]);

        foreach (var shape in Enum.GetValues<ArgvShape>())
        {
            var result = ProcessRun.Start(python, [.. sandbox.ShapeArguments(shape), "arg"], sandbox.Folder, TemplateVariables.Value);

            Assert.True(result.ExitCode == 0, $"python{version}, {shape}: {result.Stderr}");
            Assert.True(ImportProfileOutput.Headers(result) == 1, $"python{version}, {shape}: no single import-time header:\n{result.Stderr}");
            Assert.True(ImportProfileOutput.TopLevelModules(result).IsSupersetOf(["json", "decimal"]),
                $"python{version}, {shape}: no top-level rows for the probe's imports:\n{result.Stderr}");
            Assert.DoesNotContain(result.StderrLines, l => l.StartsWith("coldstart:", StringComparison.Ordinal));
            Assert.Equal(["arg"], WrapperSandbox.ReadProbe(result).Argv);
        }
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Without_the_variable_there_is_no_profile(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(["importtime"]);

        var result = ProcessRun.Start(python, [sandbox.ProbeScript], sandbox.Folder);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(0, ImportProfileOutput.Headers(result));
    }

    // The trade-off the README's table states: the variable reaches every child Python process, the wrapper's -X
    // option only the interpreter it starts (and the children CPython starts with its own flags, like multiprocessing's).
    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void A_child_python_process_inherits_the_variable_but_not_the_wrappers_option(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(["importtime"]);

        var withVariable = ProcessRun.Start(python, [sandbox.ChildProbeScript], sandbox.Folder, TemplateVariables.Value);
        var withWrapper = sandbox.Run(Launcher.Direct, python, [sandbox.ChildProbeScript]);

        Assert.True(withVariable.ExitCode == 0, withVariable.Stderr);
        Assert.Equal(2, ImportProfileOutput.Headers(withVariable));
        Assert.Contains("fractions", ImportProfileOutput.TopLevelModules(withVariable));
        Assert.True(withWrapper.ExitCode == 0, withWrapper.Stderr);
        Assert.Equal(1, ImportProfileOutput.Headers(withWrapper));
        Assert.DoesNotContain("fractions", ImportProfileOutput.TopLevelModules(withWrapper));
    }
}
