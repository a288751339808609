using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Synth-time checks of a profiled function's configuration. Each failure names the property and the value;
/// values that are unresolved tokens are not checked.
/// </summary>
internal static partial class FunctionValidation
{
    // Lambda sets these itself (configuration-envvars.html#configuration-envvars-runtime); a function may not.
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>Checks that the runtime can run the wrapper and print an import profile; returns what it found.</summary>
    public static PythonRuntimeInfo Runtime(string path, string property, Runtime runtime, Code? code = null)
    {
        var info = PythonRuntimeInfo.Of(runtime);
        if (info.IsContainerImage || code is EcrImageCode or AssetImageCode)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                "must be a managed Python runtime: container images ignore AWS_LAMBDA_EXEC_WRAPPER, so their imports cannot be profiled this way (add -X importtime to the image's ENTRYPOINT instead).");
        }
        if (info.IsOsOnly)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                "must be a managed Python runtime: OS-only runtimes (provided, provided.al2, provided.al2023) do not run wrapper scripts.");
        }
        if (!info.IsPython)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                "must be a Python runtime (python3.8 or newer): -X importtime is a CPython option.");
        }
        if (info.Minor < PythonRuntimeInfo.OldestSupportedMinor)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                $"must be python3.{PythonRuntimeInfo.OldestSupportedMinor} or newer.");
        }
        return info;
    }

    /// <summary>Python handlers are <c>module.function</c>, the module optionally dotted or under a folder.</summary>
    public static void Handler(string path, string? handler)
    {
        if (handler is null || Token.IsUnresolved(handler))
        {
            return;
        }
        if (!HandlerPattern().IsMatch(handler))
        {
            throw new ColdStartConfigurationException(path, "Handler", $"\"{handler}\"",
                "must name a Python function as module.function (for example app.handler or pkg/app.handler).");
        }
    }

    public static void Environment(string path, IDictionary<string, string>? environment)
    {
        if (environment is null)
        {
            return;
        }
        foreach (var name in environment.Keys)
        {
            if (ReservedVariables.Contains(name))
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", $"\"{environment[name]}\"",
                    "is reserved: Lambda sets this variable itself and refuses functions that set it.");
            }
            if (name == ImportTimeWrapperLayer.ExecWrapperVariable && environment[name] is { } wrapper
                && !Token.IsUnresolved(wrapper) && !wrapper.StartsWith('/'))
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", $"\"{wrapper}\"",
                    "must be an absolute path (Lambda runs it as is, and ColdStart's wrapper chains to it), e.g. /opt/otel-instrument.");
            }
            if (name == WrapperScript.ChainVariable)
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", $"\"{environment[name]}\"",
                    "is reserved by ColdStart: set AWS_LAMBDA_EXEC_WRAPPER to your wrapper and ColdStart chains to it.");
            }
        }
    }

    /// <summary>Returns the full list of <c>-X</c> values the wrapper will pass, <c>importtime</c> first.</summary>
    public static IReadOnlyList<string> XOptions(string path, ImportTimeProfilingOptions? options, int pythonMinor)
    {
        var level = options?.ImportTimeLevel ?? 1;
        if (level is not (1 or 2))
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ImportTimeLevel",
                level.ToString(CultureInfo.InvariantCulture), "must be 1 or 2.");
        }
        var importTime = level == 2 ? "importtime=2" : "importtime";
        if (XOptionRules.Problem(importTime, pythonMinor) is { } levelProblem)
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ImportTimeLevel",
                $"{level} (on python3.{pythonMinor})", levelProblem + ".");
        }
        var all = new List<string> { importTime };
        foreach (var option in options?.ExtraXOptions ?? [])
        {
            var trimmed = option?.Trim() ?? "";
            if (trimmed.StartsWith("importtime", StringComparison.Ordinal))
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions", $"\"{option}\"",
                    "must not contain importtime: set ImportTimeProfiling.ImportTimeLevel instead.");
            }
            if (XOptionRules.Problem(trimmed, pythonMinor) is { } problem)
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions", $"\"{option}\"",
                    problem + ".");
            }
            if (!all.Contains(trimmed))
            {
                all.Add(trimmed);
            }
        }
        return all;
    }

    public static void PreWarming(string path, PreWarmingOptions options)
    {
        WholeNumberAtLeastOne(path, "PreWarming.ProvisionedConcurrency", options.ProvisionedConcurrency);
        var aliasName = options.AliasName;
        if (aliasName is not null && !Token.IsUnresolved(aliasName))
        {
            if (aliasName == "$LATEST")
            {
                throw new ColdStartConfigurationException(path, "PreWarming.AliasName", "\"$LATEST\"",
                    "cannot be $LATEST: provisioned concurrency needs a published version behind an alias.");
            }
            if (!AliasPattern().IsMatch(aliasName))
            {
                throw new ColdStartConfigurationException(path, "PreWarming.AliasName", $"\"{aliasName}\"",
                    "must be 1-128 letters, digits, '-' or '_', and not only digits.");
            }
        }
        if (options.MinCapacity is { } min)
        {
            WholeNumberAtLeastOne(path, "PreWarming.MinCapacity", min);
        }
        if (options.MaxCapacity is { } max)
        {
            WholeNumberAtLeastOne(path, "PreWarming.MaxCapacity", max);
        }
        var autoscaling = PreWarmingSetup.UsesAutoScaling(options);
        if (autoscaling && options.MaxCapacity is null)
        {
            throw new ColdStartConfigurationException(path, "PreWarming.MaxCapacity", null,
                "is required when autoscaling is on (MinCapacity or Schedules given).");
        }
        var effectiveMin = options.MinCapacity ?? options.ProvisionedConcurrency;
        if (autoscaling && Known(effectiveMin) && Known(options.MaxCapacity!.Value) && effectiveMin > options.MaxCapacity)
        {
            var minProperty = options.MinCapacity is null ? "PreWarming.ProvisionedConcurrency (the default MinCapacity)" : "PreWarming.MinCapacity";
            throw new ColdStartConfigurationException(path, minProperty, Format(effectiveMin),
                $"must not exceed `PreWarming.MaxCapacity` ({Format(options.MaxCapacity.Value)}).");
        }
        if (options.TargetUtilization is { } target && Known(target) && target is < 0.1 or > 0.9)
        {
            throw new ColdStartConfigurationException(path, "PreWarming.TargetUtilization", Format(target),
                "must be between 0.1 and 0.9.");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (schedule, index) in (options.Schedules ?? []).Select((s, i) => (s, i)))
        {
            var property = $"PreWarming.Schedules[{index}]";
            if (schedule is null || schedule.Schedule is null)
            {
                throw new ColdStartConfigurationException(path, $"{property}.Schedule", null, "is required.");
            }
            if (!ScheduleNamePattern().IsMatch(schedule.Name ?? ""))
            {
                throw new ColdStartConfigurationException(path, $"{property}.Name", $"\"{schedule.Name}\"",
                    "must be 1-64 letters, digits, '-' or '_'.");
            }
            if (!names.Add(schedule.Name!))
            {
                throw new ColdStartConfigurationException(path, $"{property}.Name", $"\"{schedule.Name}\"",
                    "must be unique among the schedules of this function.");
            }
            if (schedule.MinCapacity is null && schedule.MaxCapacity is null)
            {
                throw new ColdStartConfigurationException(path, $"{property}", $"\"{schedule.Name}\" without MinCapacity or MaxCapacity",
                    "must set MinCapacity, MaxCapacity or both.");
            }
            if (schedule.MinCapacity is { } smin && Known(smin) && smin < 0)
            {
                throw new ColdStartConfigurationException(path, $"{property}.MinCapacity", Format(smin), "must not be negative.");
            }
            if (schedule.MinCapacity is { } a && schedule.MaxCapacity is { } b && Known(a) && Known(b) && a > b)
            {
                throw new ColdStartConfigurationException(path, $"{property}.MinCapacity", Format(a),
                    $"must not exceed `{property}.MaxCapacity` ({Format(b)}).");
            }
        }
    }

    private static void WholeNumberAtLeastOne(string path, string property, double value)
    {
        if (Known(value) && (value < 1 || value != Math.Floor(value) || double.IsInfinity(value)))
        {
            throw new ColdStartConfigurationException(path, property, Format(value), "must be a whole number of at least 1.");
        }
    }

    private static bool Known(double value) => !Token.IsUnresolved(value);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_\-]*/)*[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex(@"^(?!^[0-9]+$)[A-Za-z0-9\-_]{1,128}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_]{1,64}$")]
    private static partial Regex ScheduleNamePattern();
}
