using System.Runtime.Versioning;
using ColdStart.Constructs.Internal;
using Xunit;
using Xunit.Abstractions;

using ColdStart.Constructs.Tests.Support;

namespace ColdStart.Constructs.Tests.Wrapper;

// Runs POSIX shells and interpreters: Linux and macOS only.
[UnsupportedOSPlatform("windows")]
public sealed class XOptionRulesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("importtime", 7)]
    [InlineData("importtime=2", 14)]
    [InlineData("tracemalloc", 4)]
    [InlineData("tracemalloc=1", 4)]
    [InlineData("tracemalloc=65535", 4)]
    [InlineData("dev", 7)]
    [InlineData("faulthandler", 3)]
    [InlineData("frozen_modules=on", 11)]
    [InlineData("frozen_modules=off", 11)]
    [InlineData("utf8", 7)]
    [InlineData("utf8=0", 7)]
    [InlineData("utf8=1", 7)]
    [InlineData("warn_default_encoding", 10)]
    [InlineData("no_debug_ranges", 11)]
    [InlineData("int_max_str_digits=0", 8)]
    [InlineData("int_max_str_digits=640", 8)]
    [InlineData("int_max_str_digits=2147483647", 8)]
    [InlineData("perf", 12)]
    public void Accepts_an_option_from_its_first_version_on_and_refuses_it_before(string option, int sinceMinor)
    {
        Assert.Null(XOptionRules.Problem(option, sinceMinor));
        Assert.Null(XOptionRules.Problem(option, 14));
        Assert.Equal($"needs python3.{sinceMinor}+", XOptionRules.Problem(option, sinceMinor - 1));
    }

    [Theory]
    [InlineData("pycache_prefix=/tmp")]
    [InlineData("showrefcount")]
    [InlineData("importtimes")]
    [InlineData("")]
    public void Refuses_options_outside_the_allowlist_and_lists_it(string option)
    {
        var problem = XOptionRules.Problem(option, 13);

        Assert.Equal($"not in the allowlist of CPython -X options ColdStart passes: {string.Join(", ", XOptionRules.Allowed)}", problem);
        Assert.Contains("tracemalloc=N", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("importtime=1", "invalid value '1': the only value is 2 (python3.14+)")]
    [InlineData("importtime=", "invalid value '': the only value is 2 (python3.14+)")]
    [InlineData("tracemalloc=0", "invalid value '0': N is the number of frames, 1..65535")]
    [InlineData("tracemalloc=65536", "invalid value '65536': N is the number of frames, 1..65535")]
    [InlineData("tracemalloc=-1", "invalid value '-1': N is the number of frames, 1..65535")]
    [InlineData("tracemalloc=99999999999999", "invalid value '99999999999999': N is the number of frames, 1..65535")]
    [InlineData("frozen_modules=maybe", "invalid value 'maybe': the value is on or off")]
    [InlineData("frozen_modules", "needs a value: frozen_modules=on|off")]
    [InlineData("int_max_str_digits", "needs a value: int_max_str_digits=N")]
    [InlineData("int_max_str_digits=639", "invalid value '639': N is 0 (no limit) or 640..2147483647")]
    [InlineData("int_max_str_digits=2147483648", "invalid value '2147483648': N is 0 (no limit) or 640..2147483647")]
    [InlineData("utf8=2", "invalid value '2': the value is 0 or 1")]
    [InlineData("dev=1", "takes no value: dev")]
    [InlineData("perf=on", "takes no value: perf")]
    public void Refuses_bad_values_with_the_reason(string option, string reason)
    {
        Assert.Equal(reason, XOptionRules.Problem(option, 14));
    }

    [Fact]
    public void Lists_every_allowed_shape()
    {
        Assert.Equal(
            ["importtime", "importtime=2", "tracemalloc", "tracemalloc=N", "dev", "faulthandler", "frozen_modules=on|off",
             "utf8", "utf8=0|1", "warn_default_encoding", "no_debug_ranges", "int_max_str_digits=N", "perf"],
            XOptionRules.Allowed);
    }

    // Ties the rules to the interpreters: every option allowed for a version lets it start, and every
    // value refused for a version CPython also rejects at start-up is really fatal there.
    [Theory]
    [MemberData(nameof(LocalPython.VersionData), MemberType = typeof(LocalPython))]
    public void Allowed_options_start_the_real_interpreter_and_refused_values_stop_it(string version)
    {
        if (LocalPython.FindOrSaySkipped(version, output) is not { } python)
        {
            return;
        }
        var minor = LocalPython.Minor(version);
        string[] samples =
        [
            "importtime", "tracemalloc", "tracemalloc=1", "tracemalloc=65535", "dev", "faulthandler", "frozen_modules=on",
            "frozen_modules=off", "utf8", "utf8=0", "utf8=1", "warn_default_encoding", "no_debug_ranges",
            "int_max_str_digits=0", "int_max_str_digits=640", "perf",
        ];
        // One start per "layer" of samples: each option name at most once per start, so none overrides another.
        var allowed = samples.Where(o => XOptionRules.Problem(o, minor) is null)
            .GroupBy(o => o.Split('=')[0])
            .SelectMany(g => g.Select((option, layer) => (option, layer)))
            .GroupBy(x => x.layer, x => x.option);
        foreach (var layer in allowed)
        {
            var result = ProcessRun.Start(python, [.. layer.SelectMany(o => new[] { "-X", o }), "-c", "pass"]);
            Assert.True(result.ExitCode == 0, $"python{version} -X {string.Join(" -X ", layer)}: exit {result.ExitCode}\n{result.Stderr}");
        }

        var fatal = new List<string> { "utf8=2", "int_max_str_digits=639" };
        if (minor >= 9)
        {
            fatal.Add("tracemalloc=65536");
        }
        if (minor >= 11)
        {
            fatal.Add("frozen_modules=maybe");
        }
        foreach (var option in fatal)
        {
            Assert.NotNull(XOptionRules.Problem(option, minor));
            var result = ProcessRun.Start(python, ["-X", option, "-c", "pass"]);
            Assert.True(result.ExitCode != 0, $"python{version} -X {option} started: the rule refuses a value CPython accepts");
        }
    }
}
