using System.Runtime.Versioning;
using ColdStart.Constructs.Internal;
using Xunit;
using Xunit.Abstractions;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

/// <summary>The wrapper taken out of the layer zip, run with every local CPython, as Lambda would start it.</summary>
// Runs POSIX shells and interpreters: Linux and macOS only.
[UnsupportedOSPlatform("windows")]
public sealed class WrapperRunTests(ITestOutputHelper output)
{
    // Everything a shell could mangle: quoting, expansion, globbing, word splitting, printf/echo escapes.
    private static readonly string[] AwkwardArguments =
    [
        "plain", "with space", "single'quote", "double\"quote", "$HOME", "*", "a;b", "line1\nline2", "",
        "ünïcødé", "-leading-dash", "--", "back\\slash\\n", "%s%n", "$(id)", "`id`",
    ];

    private static readonly string[] DefaultOptions = ["importtime"];

    [Fact]
    public void At_least_one_local_cpython_is_installed()
    {
        Assert.True(LocalPython.Installed().Count > 0,
            $"none of python{string.Join(", python", LocalPython.Versions)} found (pyenv root or python3 on PATH): the wrapper would be untested");
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Profiles_every_argv_shape_and_passes_arguments_and_exit_code_through(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(DefaultOptions);
        foreach (var launcher in Launcher.Available())
        {
            foreach (var shape in Enum.GetValues<ArgvShape>())
            {
                var because = $"python{version}, {shape} shape, started by {launcher}";
                var result = sandbox.Run(launcher, python, [.. sandbox.ShapeArguments(shape), .. AwkwardArguments],
                    new Dictionary<string, string?> { ["PROBE_EXIT_CODE"] = "3" });

                Assert.True(result.ExitCode == 3, $"{because}: exit code {result.ExitCode}, stderr: {result.Stderr}");
                AssertProfileStart(result, $"interpreter={python}; init_type=unknown; options=-X importtime; chain=none", because);
                AssertImportProfile(result, because);
                Assert.Equal(AwkwardArguments, WrapperSandbox.ReadProbe(result).Argv);
            }
        }
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Reports_the_initialisation_type_or_unknown(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(DefaultOptions);
        var cases = new (string? Value, string Expected)[] { ("provisioned-concurrency", "provisioned-concurrency"), ("", "unknown"), (null, "unknown") };
        foreach (var (value, expected) in cases)
        {
            var result = sandbox.Run(Launcher.Direct, python, sandbox.ShapeArguments(ArgvShape.Script),
                new Dictionary<string, string?> { ["AWS_LAMBDA_INITIALIZATION_TYPE"] = value });

            Assert.Equal(0, result.ExitCode);
            AssertProfileStart(result, $"interpreter={python}; init_type={expected}; options=-X importtime; chain=none",
                $"AWS_LAMBDA_INITIALIZATION_TYPE={value ?? "(unset)"}");
        }
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Chains_to_the_previous_wrapper_with_the_options_after_the_interpreter(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(DefaultOptions);
        string[] arguments = ["-m", WrapperSandbox.ProbeModule, "with space", "$HOME"];

        var result = sandbox.Run(Launcher.Direct, python, arguments, new Dictionary<string, string?>
        {
            [WrapperScript.ChainVariable] = sandbox.NextWrapper,
            ["CHAIN_RECORD"] = sandbox.ChainRecord,
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertProfileStart(result, $"interpreter={python}; init_type=unknown; options=-X importtime; chain={sandbox.NextWrapper}", "chained");
        AssertImportProfile(result, "chained");
        Assert.Equal([python, "-X", "importtime", .. arguments], File.ReadAllText(sandbox.ChainRecord).TrimEnd('\n').Split('\n'));
        var probe = WrapperSandbox.ReadProbe(result);
        Assert.Equal(["with space", "$HOME"], probe.Argv);
        Assert.Null(probe.ChainVariable);
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Starts_the_interpreter_with_a_warning_when_the_chained_wrapper_is_unusable(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(DefaultOptions);
        var notExecutable = Path.Combine(sandbox.Folder, "not_executable");
        File.WriteAllText(notExecutable, "#!/bin/sh\nexit 99\n");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var unusable = new (string Chain, string Reason)[]
        {
            (notExecutable, "is not an executable file"),
            (Path.Combine(sandbox.Folder, "missing"), "is not an executable file"),
            (sandbox.Folder, "is not an executable file"),
            (sandbox.Wrapper, "is this wrapper itself"),
        };

        foreach (var (chain, reason) in unusable)
        {
            var result = sandbox.Run(Launcher.Direct, python, [sandbox.ProbeScript, "arg"],
                new Dictionary<string, string?> { [WrapperScript.ChainVariable] = chain });

            Assert.True(result.ExitCode == 0, $"{chain}: {result.Stderr}");
            AssertProfileStart(result, $"interpreter={python}; init_type=unknown; options=-X importtime; chain=none", chain);
            Assert.Equal(
                $"coldstart: warning: {WrapperScript.ChainVariable}={chain} {reason}; starting the interpreter without it",
                result.StderrLines[1]);
            AssertImportProfile(result, chain);
            Assert.Equal(["arg"], WrapperSandbox.ReadProbe(result).Argv);
        }
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void An_empty_chain_variable_means_no_chain_and_is_not_passed_on(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(DefaultOptions);
        foreach (var launcher in Launcher.Available())
        {
            var result = sandbox.Run(launcher, python, [sandbox.ProbeScript, "arg"],
                new Dictionary<string, string?> { [WrapperScript.ChainVariable] = "" });

            Assert.True(result.ExitCode == 0, $"{launcher}: {result.Stderr}");
            AssertProfileStart(result, $"interpreter={python}; init_type=unknown; options=-X importtime; chain=none", launcher.Name);
            Assert.DoesNotContain(result.StderrLines, l => l.StartsWith("coldstart: warning", StringComparison.Ordinal));
            AssertImportProfile(result, launcher.Name);
            Assert.Null(WrapperSandbox.ReadProbe(result).ChainVariable);
        }
    }

    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Extra_options_take_effect_in_the_interpreter(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        using var sandbox = new WrapperSandbox(["importtime", "dev", "tracemalloc=5"]);

        var result = sandbox.Run(Launcher.Direct, python, sandbox.ShapeArguments(ArgvShape.Module));

        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertProfileStart(result, $"interpreter={python}; init_type=unknown; options=-X importtime -X dev -X tracemalloc=5; chain=none", "extra options");
        AssertImportProfile(result, "extra options");
        var probe = WrapperSandbox.ReadProbe(result);
        Assert.True(probe.DevMode, "sys.flags.dev_mode is off: -X dev did not reach the interpreter");
        Assert.Equal(5, probe.Tracemalloc);
    }

    [Fact]
    public void Without_arguments_it_explains_itself_and_fails_under_every_shell()
    {
        using var sandbox = new WrapperSandbox(DefaultOptions);
        foreach (var launcher in Launcher.Available())
        {
            var result = launcher.Shell is null
                ? ProcessRun.Start(sandbox.Wrapper, [])
                : ProcessRun.Start(launcher.Shell, [.. launcher.ShellOptions, sandbox.Wrapper]);

            Assert.Equal(WrapperScript.UsageExitCode, result.ExitCode);
            Assert.Equal("", result.Stdout);
            var message = Assert.Single(result.StderrLines);
            Assert.Contains("needs the interpreter and its arguments", message, StringComparison.Ordinal);
            Assert.Contains("AWS_LAMBDA_EXEC_WRAPPER", message, StringComparison.Ordinal);
        }
    }

    private static void AssertProfileStart(ProcessResult result, string expectedFields, string because)
    {
        var lines = result.StderrLines;
        Assert.True(lines.Length > 0, $"{because}: nothing on stderr");
        Assert.Equal(WrapperScript.ProfileStartPrefix + expectedFields, lines[0]);
        Assert.True(lines.Count(l => l.StartsWith("coldstart: importtime profile start", StringComparison.Ordinal)) == 1,
            $"{because}: more than one profile-start line:\n{result.Stderr}");
    }

    private static void AssertImportProfile(ProcessResult result, string because)
    {
        Assert.True(ImportProfileOutput.Headers(result) == 1, $"{because}: no single import-time header:\n{result.Stderr}");
        Assert.True(ImportProfileOutput.TopLevelModules(result).IsSupersetOf(["json", "decimal"]),
            $"{because}: no top-level import rows for json and decimal (the probe's imports):\n{result.Stderr}");
    }
}
