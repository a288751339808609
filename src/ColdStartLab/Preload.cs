using System.Text.RegularExpressions;
using ColdStart.Analysis;
using ColdStart.Lab.Internal;

namespace ColdStart.Lab;

/// <summary>
/// <c>--preload</c>: which modules the bootstrap imports before the handler module, standing in for the Lambda
/// runtime client's own imports (on Lambda a handler's <c>import json</c> costs nothing: the runtime loaded it).
/// </summary>
public sealed partial class Preload
{
    private Preload(PreloadMode mode, string? logFile)
    {
        Mode = mode;
        LogFile = logFile;
    }

    /// <summary>The runtime client's imports for the function's runtime, read from awslambdaric's source (the default).</summary>
    public static Preload Auto { get; } = new(PreloadMode.Auto, null);

    /// <summary>No preload: the handler pays for every module it imports, as in a plain <c>python -X importtime</c>.</summary>
    public static Preload None { get; } = new(PreloadMode.None, null);

    /// <summary>What to preload.</summary>
    public PreloadMode Mode { get; }

    /// <summary>For <see cref="PreloadMode.FromLog"/>: the exported log of a real cold start.</summary>
    public string? LogFile { get; }

    /// <summary>The modules a real cold start in <paramref name="logFile"/> imported before the handler module.</summary>
    public static Preload FromLog(string logFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(logFile);
        return new Preload(PreloadMode.FromLog, logFile);
    }

    /// <summary>Parses <c>auto</c>, <c>none</c> or <c>from:LOGFILE</c>.</summary>
    /// <exception cref="ArgumentException">Anything else; the message says what is expected.</exception>
    public static Preload Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            "auto" => Auto,
            "none" => None,
            _ when value.StartsWith("from:", StringComparison.Ordinal) && value.Length > 5 => FromLog(value[5..]),
            _ => throw new ArgumentException($"--preload '{value}' is not auto, none or from:LOGFILE.", nameof(value)),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Mode switch
    {
        PreloadMode.Auto => "auto",
        PreloadMode.None => "none",
        _ => "from:" + LogFile,
    };

    /// <summary>The modules to import for <paramref name="function"/>, and where the list comes from.</summary>
    /// <exception cref="LabException">The log cannot be read or holds no usable cold start.</exception>
    public PreloadPlan Resolve(LambdaFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        switch (Mode)
        {
            case PreloadMode.None:
                return new PreloadPlan(this, [], "none: the handler pays for every import");
            case PreloadMode.Auto:
                var (modules, runtime) = RuntimeClientImports.For(function.Runtime);
                var inferred = runtime == function.Runtime ? "" : $" (the {runtime} list: {function.Runtime} has none of its own)";
                return new PreloadPlan(this, modules, $"auto for {function.Runtime}{inferred}: {RuntimeClientImports.Source}");
            default:
                return FromLogFile(function);
        }
    }

    private PreloadPlan FromLogFile(LambdaFunction function)
    {
        var handlerModule = function.Handler[..Math.Max(0, function.Handler.LastIndexOf('.'))].Replace('/', '.');
        ParseResult parsed;
        try
        {
            parsed = LogParser.Parse(LogSource.FromFile(LogFile!), new ParseOptions { HandlerModule = handlerModule });
        }
        catch (LogSourceException e)
        {
            throw new LabException($"--preload from:{LogFile}: {e.Message}", e);
        }

        var coldStart = parsed.ColdStarts.FirstOrDefault(c => c.Roots.Any(r => r.Phase == ImportPhase.Init))
            ?? throw new LabException($"--preload from:{LogFile}: no cold start with init-phase imports in the file (expected an exported log of a profiled cold start).");

        var roots = coldStart.Roots.Where(r => r.Phase == ImportPhase.Init).ToList();
        var handlerIndex = roots.FindIndex(r => r.Name == handlerModule);
        var modules = new List<string>();
        string how;
        if (handlerIndex >= 0)
        {
            foreach (var root in roots.Take(handlerIndex))
            {
                AddImportable(root, modules);
            }

            how = $"the {handlerIndex} top-level imports before '{handlerModule}'";
        }
        else
        {
            foreach (var root in roots.Where(r => r.Class == ModuleClass.LambdaRuntime))
            {
                AddImportable(root, modules);
            }

            how = $"the lambda-runtime imports and what they imported ('{handlerModule}' is not imported in that cold start)";
        }

        var from = coldStart.RuntimeVersion is { } version ? $", runtime {version}" : "";
        return new PreloadPlan(this, modules.Distinct(StringComparer.Ordinal).ToList(), $"from {LogFile}: {how} in its first cold start{from}");
    }

    /// <summary>A runtime-client module cannot be imported locally: the modules it imported stand in for it.</summary>
    private static void AddImportable(ImportNode node, List<string> modules)
    {
        if (node.Cached)
        {
            return;
        }

        if (node.Class == ModuleClass.LambdaRuntime || !ModuleName().IsMatch(node.Name))
        {
            foreach (var child in node.Children)
            {
                AddImportable(child, modules);
            }

            return;
        }

        modules.Add(node.Name);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\z")]
    private static partial Regex ModuleName();
}
