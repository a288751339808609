using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>
/// The <c>coldstart</c> process, started as the user starts it (the apphost, with the tool's own runtimeconfig.json:
/// invariant globalization), prints the same bytes whatever the user's locale: numbers, sorting and the help text.
/// The test output folder holds System.CommandLine's German and Turkish translations, so help under those locales
/// would change if the tool ever loaded culture data again.
/// </summary>
public sealed class LocaleTests
{
    private static readonly string[][] Commands =
    [
        ["--help"],
        ["report", "--help"],
        ["report", CliRunner.SamplePath, "--format", "text"],
        ["report", CliRunner.SamplePath, "--format", "markdown"],
        ["report", CliRunner.SamplePath, "--format", "json"],
        ["compare", $"lazy={CliRunner.SamplePath}", $"prewarmed={CliRunner.SamplePath}", "--format", "text"],
    ];

    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    [InlineData("ar_SA.UTF-8")]
    public void The_tool_prints_the_same_bytes_under_another_locale(string locale)
    {
        foreach (var command in Commands)
        {
            var neutral = Start(command, "C.UTF-8");
            var local = Start(command, locale);

            Assert.True(neutral.Code == ExitCodes.Success, $"coldstart {string.Join(' ', command)} exited {neutral.Code}: {neutral.Error}");
            Assert.Equal(neutral.Code, local.Code);
            Assert.Equal(neutral.Out, local.Out);
            Assert.Equal(neutral.Error, local.Error);
        }
    }

    [Fact]
    public void Help_is_english_under_a_locale_that_System_CommandLine_translates()
    {
        var help = Start(["report", "--help"], "de_DE.UTF-8");

        Assert.Equal(ExitCodes.Success, help.Code);
        Assert.Contains("Usage:", help.Out);
        Assert.Contains("Options:", help.Out);
        Assert.DoesNotContain("Nutzung", help.Out);
    }

    [Fact]
    public void The_process_prints_what_the_tested_code_prints()
    {
        var inProcess = CliRunner.Run("report", CliRunner.SamplePath, "--format", "text");
        var process = Start(["report", CliRunner.SamplePath, "--format", "text"], "de_DE.UTF-8");

        Assert.Equal(ExitCodes.Success, inProcess.ExitCode);
        Assert.Equal(inProcess.Out, process.Out);
    }

    private static (int Code, string Out, string Error) Start(string[] args, string locale)
    {
        // the apphost the tool package installs, next to the coldstart.dll and runtimeconfig.json the CLI project built
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "coldstart.exe" : "coldstart");
        Assert.True(File.Exists(apphost), $"{apphost} is missing: the CLI project's output is not next to the tests");
        var code = ProcessRunner.Run(apphost, args, out var stdout, out var stderr, new Dictionary<string, string>
        {
            ["LANG"] = locale,
            ["LC_ALL"] = locale,
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "",
        });
        return (code, stdout, stderr);
    }
}
