using System.CommandLine;
using System.Text.RegularExpressions;
using ColdStart.Analysis;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli.Commands;

/// <summary>Options both commands take, and what they do.</summary>
internal static class SharedOptions
{
    public static Option<string> Format(params string[] allowed)
    {
        return new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", allowed)}.",
            DefaultValueFactory = _ => "text",
        }.AcceptOneOf(allowed);
    }

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the output to FILE instead of standard output.",
        HelpName = "FILE",
    };

    public static Option<string?> SplitAfter() => new("--split-after")
    {
        Description = "A regular expression matching a line of the function's own output that marks the end of module-level code, for logs where init output was printed after START (older console logs). Default: none (the split is reported as unknown).",
        HelpName = "REGEX",
    };

    public static Option<string?> Handler() => new("--handler")
    {
        Description = "The handler's module (e.g. app.handler); its top-level package is classed as your own code. Default: none.",
        HelpName = "MODULE",
    };

    public static Option<bool> AllowPartial() => new("--allow-partial")
    {
        Description = "Go on when an input is cut off or corrupt (an interrupted download, a truncated .gz): use what comes before the break and say so in the output. Default: stop with exit code 2 and the byte offset.",
    };

    public static OutputFormat ParseFormat(string value) => Enum.Parse<OutputFormat>(value, ignoreCase: true);

    public static ParseOptions ParseOptions(System.CommandLine.ParseResult parsed, Option<string?> splitAfter, Option<string?> handler, Option<bool>? allowPartial = null)
    {
        Regex? regex = null;
        if (parsed.GetValue(splitAfter) is { } pattern)
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--split-after: '{pattern}' is not a valid regular expression ({e.Message}).");
            }
        }

        var module = parsed.GetValue(handler);
        if (module is not null && !Regex.IsMatch(module, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"))
        {
            throw new UsageException($"--handler: '{module}' is not a Python module path (expected e.g. app.handler or lambda_function).");
        }

        return new ParseOptions { SplitAfter = regex, HandlerModule = module, AllowPartial = allowPartial is not null && parsed.GetValue(allowPartial) };
    }

    /// <summary>
    /// Writes the rendered output to <c>--output</c> (UTF-8, no BOM) or to standard output. A file is written to a
    /// temporary file beside it and renamed, so a failed run leaves no half-written file and an existing one is
    /// replaced only once the new one is complete.
    /// </summary>
    /// <param name="inputPaths">
    /// Everything the command reads, files and folders: <paramref name="outputPath"/> naming one of the files (by path, link or
    /// file identity) or lying inside one of the folders is refused. Every command passes them: there is no overload without.
    /// </param>
    /// <exception cref="UsageException">The output is one of the inputs, or cannot be written.</exception>
    public static void Emit(string text, string? outputPath, CliConsole console, IEnumerable<string> inputPaths)
    {
        if (outputPath is null)
        {
            console.Out.Write(text);
            console.Out.Flush();
            return;
        }

        OutputFile.RefuseInputs(outputPath, inputPaths);
        OutputFile.Write(outputPath, text);
    }

    /// <summary>
    /// Refuses <c>--output</c> naming one of the inputs before any work is done (<see cref="Emit(string, string?, CliConsole, IEnumerable{string})"/> checks again).
    /// </summary>
    /// <exception cref="UsageException">It does.</exception>
    public static void CheckOutput(string? outputPath, IEnumerable<string> inputPaths)
    {
        if (outputPath is not null)
        {
            OutputFile.RefuseInputs(outputPath, inputPaths);
        }
    }
}
