using ColdStart.Analysis;

namespace ColdStart.Cli.Rendering.Internal;

/// <summary>The words every renderer uses for enum values; the JSON ones are part of the documented schema.</summary>
internal static class Labels
{
    public static string Class(ModuleClass value) => value switch
    {
        ModuleClass.LambdaRuntime => "lambda-runtime",
        ModuleClass.StandardLibrary => "stdlib",
        ModuleClass.ThirdParty => "third-party",
        _ => "user",
    };

    public static string Phase(ImportPhase value) => value switch
    {
        ImportPhase.Init => "init",
        ImportPhase.Invoke => "invoke",
        _ => "unknown",
    };

    public static string Split(PhaseSplit value) => value == PhaseSplit.Known ? "known" : "unknown";

    /// <summary>camelCase of the enum name, e.g. TruncatedImportLine -> truncatedImportLine.</summary>
    public static string SkipReasonKey(SkipReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Lower-case words of the enum name, e.g. TruncatedImportLine -> truncated import line.</summary>
    public static string SkipReasonText(SkipReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static string IncompleteReasonKey(IncompleteReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string IncompleteReasonText(IncompleteReason reason) => reason switch
    {
        IncompleteReason.StartedMidBlock => "started before the input",
        IncompleteReason.SubprocessInsideImport => "a child process inside an import",
        IncompleteReason.UnclosedImports => "import block cut",
        _ => "ended before its init did",
    };

    public static string Format(InputFormat format) => format switch
    {
        InputFormat.RawImportTime => "python -X importtime stderr",
        InputFormat.LambdaText => "Lambda text log",
        InputFormat.LambdaJson => "Lambda JSON log",
        InputFormat.AwsLogsTail => "aws logs tail",
        InputFormat.CloudWatchJson => "CloudWatch Logs JSON export",
        InputFormat.Empty => "empty",
        _ => "unrecognised",
    };

    public static string FormatKey(InputFormat format)
    {
        var name = format.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
