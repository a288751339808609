using System.Runtime.Versioning;

namespace ColdStart.Constructs.Tests.Support;

/// <summary>Runs CloudFormation's linter (cfn-lint, installed in pyenv's Python 3.11 on this image).</summary>
[UnsupportedOSPlatform("windows")]
internal static class CfnLint
{
    /// <summary>W3005 ("DependsOn already implied") is noise in CDK output: CDK adds explicit dependencies on purpose.</summary>
    public const string IgnoredChecks = "W3005";

    /// <summary>cfn-lint from the newest pyenv version that has it, else from PATH; null when there is none.</summary>
    public static string? Executable()
    {
        var versions = LocalPython.PyenvRoot() is { } root ? Path.Combine(root, "versions") : null;
        var fromPyenv = versions is not null && Directory.Exists(versions)
            ? Directory.GetDirectories(versions).OrderByDescending(d => d)
                .Select(d => Path.Combine(d, "bin", "cfn-lint"))
                .FirstOrDefault(File.Exists)
            : null;
        return fromPyenv ?? Executables.OnPath("cfn-lint");
    }

    /// <summary>Lints the files; returns cfn-lint's exit code and output (0 and nothing when clean).</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> templates)
    {
        var executable = Executable() ?? throw new InvalidOperationException(
            "cfn-lint was not found (looked in $PYENV_ROOT/versions/*/bin and PATH); it is part of this project's machine image.");
        var result = ProcessRun.Start(executable, ["--ignore-checks", IgnoredChecks, "--", .. templates],
            timeout: TimeSpan.FromMinutes(2));
        return (result.ExitCode, result.Stdout + result.Stderr);
    }
}
