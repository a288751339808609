using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
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

        OptionValues.ApplyDefaults(root);

        var parsed = root.Parse(args);
        var problem = parsed.Action is HelpAction ? null : UnknownOption(parsed) ?? (parsed.Errors.Count > 0 ? Describe(parsed.Errors[0]) : null);
        if (problem is not null)
        {
            var command = parsed.CommandResult.Command;
            var path = command == root ? "coldstart" : $"coldstart {command.Name}";
            console.Error.WriteLine($"{path}: {Regex.Replace(problem, @"\s*[\r\n]+\s*", " ")} (see `{path} --help`)");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>
    /// A token that looks like an option (<c>-x</c>, <c>--xyz</c>) but names none, taken by System.CommandLine as a
    /// positional argument (a file or a strategy); after <c>--</c> it is an argument, as POSIX says.
    /// </summary>
    private static string? UnknownOption(System.CommandLine.ParseResult parsed)
    {
        var tokens = parsed.Tokens;
        var options = parsed.CommandResult.Command.Options.Concat(parsed.RootCommandResult.Command.Options).ToList();
        var endOfOptions = tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        for (var i = 0; i < (endOfOptions < 0 ? tokens.Count : endOfOptions); i++)
        {
            var token = tokens[i];
            var isOptionValue = i > 0 && tokens[i - 1].Type == TokenType.Option && TakesValue(options, tokens[i - 1].Value);
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && !isOptionValue)
            {
                return $"unknown option '{token.Value}' (a file whose name starts with - can be given after --, or as ./{token.Value})";
            }
        }

        return null;
    }

    private static bool TakesValue(IEnumerable<Option> options, string name) =>
        options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name)) is { Arity.MaximumNumberOfValues: > 0 };

    /// <summary>System.CommandLine's message, with the option named where it does not say which.</summary>
    private static string Describe(ParseError error)
    {
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } missing && missing.Option.Arity.MinimumNumberOfValues > 0)
        {
            var accepts = OptionValues.Accepts(missing.Option);
            return $"{missing.Option.Name} needs a value" + (accepts is null ? "." : $": {accepts}.");
        }

        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        return option is null || error.Message.StartsWith(option.Name, StringComparison.Ordinal) ? error.Message : $"{option.Name}: {error.Message}";
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
