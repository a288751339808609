using System.Diagnostics;

namespace ColdStart.Bench;

/// <summary>A published <c>coldstart</c> and the environment it runs with.</summary>
/// <param name="Name">Shown in the results.</param>
/// <param name="Executable">The apphost (what a .NET tool shim runs).</param>
/// <param name="Environment">Extra environment variables (runtime knobs being tried).</param>
internal sealed record ToolBuild(string Name, string Executable, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// Publishes src/ColdStartCli as the packed tool runs: Release, framework-dependent, either as this machine's
/// RID-specific tool package holds it (ReadyToRun, from the project's own settings) or as the RID-agnostic
/// <c>any</c> package (IL only, what platforms without a package of their own install).
/// </summary>
internal static class ToolPublish
{
    /// <summary>The variant measured by default: what <c>dotnet tool install</c> puts on this machine.</summary>
    public const string Shipped = "tool";

    /// <summary>The RID-agnostic fallback package's build.</summary>
    public const string Portable = "portable";

    /// <summary>The MSBuild properties of each publish variant.</summary>
    public static IReadOnlyDictionary<string, string[]> Variants { get; } = new Dictionary<string, string[]>
    {
        // ColdStart.Cli.<rid>: the csproj's PublishReadyToRun applies once a RuntimeIdentifier is set (as pack sets it)
        [Shipped] = ["-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false"],
        // ColdStart.Cli.any: pack turns ReadyToRun off for the RID-agnostic package
        [Portable] = ["-p:PublishReadyToRun=false"],
    };

    /// <summary>Finds the repository root (the folder with ColdStart.sln) above the current directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ColdStart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository: no ColdStart.sln above the current directory");
    }

    /// <summary>Publishes the variant into <paramref name="directory"/> and returns the apphost's path.</summary>
    public static string Publish(string repository, string variant, string directory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["publish", Path.Combine(repository, "src", "ColdStartCli", "ColdStartCli.csproj"), "-c", "Release", "-o", directory, "--nologo", "-v", "quiet", .. Variants[variant]])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var executable = Path.Combine(directory, "coldstart");
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet publish ({variant}) failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr}");
        }

        return executable;
    }
}
