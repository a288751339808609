using System.Text;
using ColdStart.Cli;

namespace ColdStart.Lab.Tests.Support;

/// <summary>Runs <c>coldstart</c> in-process through its entry point with captured streams.</summary>
internal static class Cli
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes("")),
        };
        var code = ColdStartApp.Run(args, console);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
