using System.Text;
using ColdStart.Cli;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>Runs <c>coldstart</c> in-process through its entry point with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Run(params string[] args) => Run(stdin: "", stdoutIsTerminal: false, stderrIsTerminal: false, args);

    public static Outcome Run(string stdin, bool stdoutIsTerminal, bool stderrIsTerminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            IsOutputRedirected = !stdoutIsTerminal,
            IsErrorRedirected = !stderrIsTerminal,
        };
        var code = ColdStartApp.Run(args, console);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    /// <summary>The sample shipped in the repository (samples/lambda-console.log).</summary>
    public static string SamplePath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "lambda-console.log");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("samples/lambda-console.log not found above " + AppContext.BaseDirectory);
        }
    }
}
