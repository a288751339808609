using System.Diagnostics;

namespace ColdStart.Constructs.Tests.Support;

/// <summary>Runs CloudFormation's linter (cfn-lint, installed in pyenv's Python 3.11 on this image).</summary>
internal static class CfnLint
{
    /// <summary>W3005 ("DependsOn already implied") is noise in CDK output: CDK adds explicit dependencies on purpose.</summary>
    public const string IgnoredChecks = "W3005";

    public static string? Executable()
    {
        var candidates = new List<string>();
        var pyenvRoot = System.Environment.GetEnvironmentVariable("PYENV_ROOT")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".pyenv");
        var versions = Path.Combine(pyenvRoot, "versions");
        if (System.IO.Directory.Exists(versions))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories(versions).OrderByDescending(d => d)
                .Select(d => Path.Combine(d, "bin", "cfn-lint")));
        }
        candidates.AddRange((System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "cfn-lint")));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Lints the files; returns cfn-lint's exit code and output (0 and nothing when clean).</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> templates)
    {
        var executable = Executable() ?? throw new InvalidOperationException(
            "cfn-lint was not found (looked in $PYENV_ROOT/versions/*/bin and PATH); it is part of this project's machine image.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--ignore-checks", IgnoredChecks, "--" }.Concat(templates))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
