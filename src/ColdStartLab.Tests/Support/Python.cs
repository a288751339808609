using ColdStart.Lab.Internal;

namespace ColdStart.Lab.Tests.Support;

/// <summary>Runs a local interpreter through the lab's own process runner (no inherited environment).</summary>
internal static class Python
{
    public static (int? ExitCode, string Stdout, string Stderr) Run(string python, params string[] arguments)
    {
        var output = ColdStartProcess.Run([python, .. arguments], Directory.GetCurrentDirectory(),
            new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["LANG"] = "C.UTF-8" }, TimeSpan.FromSeconds(60));
        return (output.ExitCode, output.Stdout, output.Stderr);
    }
}
