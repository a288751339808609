using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using ColdStart.Analysis;
using ColdStart.Cli.Commands;
using ColdStart.Cli.Internal;

namespace ColdStart.Cli;

/// <summary>The <c>coldstart</c> command line: builds the commands and runs one.</summary>
public static class ColdStartApp
{
    /// <summary>Runs <c>coldstart</c> with <paramref name="args"/> against <paramref name="console"/>.</summary>
    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var root = new RootCommand("Find slow Python imports in AWS Lambda cold starts, from exported logs.")
        {
            ReportCommand.Create(console),
            CompareCommand.Create(console),
            ProfileCommand.Create(console),
            DiffCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            var command = parsed.CommandResult.Command;
            var path = command == root ? "coldstart" : $"coldstart {command.Name}";
            var message = Regex.Replace(parsed.Errors[0].Message, @"\s*[\r\n]+\s*", " ");
            console.Error.WriteLine($"{path}: {message} (see `{path} --help`)");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>Runs a command body, turning user-fixable problems into a one-line message and exit code 2.</summary>
    internal static int Guard(CliConsole console, string commandName, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is UsageException or LogSourceException)
        {
            console.Error.WriteLine($"coldstart {commandName}: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (RegexMatchTimeoutException e)
        {
            console.Error.WriteLine($"coldstart {commandName}: --split-after: '{e.Pattern}' took longer than {e.MatchTimeout.TotalSeconds:0} s on one log line; use a simpler regular expression (e.g. anchor it with ^ and avoid nested repetition).");
            return ExitCodes.UsageError;
        }
    }
}
