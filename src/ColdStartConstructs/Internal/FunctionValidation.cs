using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Synth-time checks of a profiled function's configuration. Each failure names the property and the value;
/// values that are unresolved tokens are not checked. Numbers are checked for NaN and infinity before anything
/// else: such values would otherwise reach jsii and fail there without naming the property.
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

    /// <summary>
    /// Checks that the function runs CPython 3.8+ on a managed runtime, or is a container image (whose Python
    /// version cannot be read at synth); returns what it found.
    /// </summary>
    public static PythonRuntimeInfo Runtime(string path, string property, Runtime runtime, Code? code = null)
    {
        var info = PythonRuntimeInfo.Of(runtime);
        var imageCode = IsImage(code);
        if (imageCode && !info.IsContainerImage)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                "must be Runtime.FROM_IMAGE (or left unset) when `Code` is a container image: the image brings its own runtime.");
        }
        if (info.IsContainerImage)
        {
            if (code is not null && !imageCode)
            {
                throw new ColdStartConfigurationException(path, "Code", code.GetType().Name,
                    "must be a container image (Code.FromEcrImage or Code.FromAssetImage) when `Runtime` is FROM_IMAGE.");
            }
            return info;
        }
        if (info.IsOsOnly)
        {
            throw new ColdStartConfigurationException(path, property, info.Name,
                "must be a managed Python runtime (python3.8 or newer) or a container image: an OS-only runtime (provided, provided.al2, provided.al2023) runs no wrapper script, and ColdStart cannot tell whether it runs CPython.");
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

    /// <summary>Whether <paramref name="code"/> is a container image rather than a zip.</summary>
    public static bool IsImage(Code? code) => code is EcrImageCode or AssetImageCode;

    /// <summary>Functions need code; aws-cdk-lib would otherwise fail inside jsii without naming the prop.</summary>
    public static void Code(string path, Code? code)
    {
        if (code is null)
        {
            throw new ColdStartConfigurationException(path, "Code", null,
                "is required: Code.FromAsset(path) for a zip, or Code.FromEcrImage/Code.FromAssetImage for a container image.");
        }
    }

    /// <summary>
    /// Python handlers are <c>module.function</c>, the module optionally dotted or under a folder; container images
    /// name theirs in the image, so their handler is <c>FROM_IMAGE</c>.
    /// </summary>
    public static void Handler(string path, string? handler, bool isImage)
    {
        if (isImage)
        {
            if (handler is not null && handler != Amazon.CDK.AWS.Lambda.Handler.FROM_IMAGE && !Token.IsUnresolved(handler))
            {
                throw new ColdStartConfigurationException(path, "Handler", $"\"{handler}\"",
                    "must be Handler.FROM_IMAGE (or left unset) for a container image: the image's CMD names the handler.");
            }
            return;
        }
        if (handler is null)
        {
            throw new ColdStartConfigurationException(path, "Handler", null,
                "is required: the Python function to run, as module.function (for example app.handler).");
        }
        if (Token.IsUnresolved(handler))
        {
            return;
        }
        if (!HandlerPattern().IsMatch(handler))
        {
            throw new ColdStartConfigurationException(path, "Handler", $"\"{handler}\"",
                "must name a Python function as module.function (for example app.handler or pkg/app.handler).");
        }
    }

    /// <summary>
    /// Lambda's rules for variable names and reserved variables, ColdStart's own reserved variable, and an existing
    /// wrapper (which ColdStart chains to) being an absolute path.
    /// </summary>
    public static void Environment(string path, IDictionary<string, string>? environment)
    {
        if (environment is null)
        {
            return;
        }
        foreach (var (name, value) in environment)
        {
            if (ReservedVariables.Contains(name))
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", value is null ? null : $"\"{value}\"",
                    "is reserved: Lambda sets this variable itself and refuses functions that set it.");
            }
            if (!Token.IsUnresolved(name) && !VariableNamePattern().IsMatch(name))
            {
                throw new ColdStartConfigurationException(path, "Environment", $"\"{name}\"",
                    "must only have variable names that start with a letter and go on with letters, digits and '_' (at least 2 characters): Lambda refuses others.");
            }
            if (value is null)
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", null,
                    "must have a value (use \"\" for an empty one).");
            }
            if (name == ImportTimeWrapperLayer.ExecWrapperVariable && !IsAbsoluteWrapperPath(value))
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", $"\"{value}\"",
                    "must be an absolute path (Lambda runs it as is, and ColdStart's wrapper chains to it), e.g. /opt/otel-instrument.");
            }
            if (name == WrapperScript.ChainVariable)
            {
                throw new ColdStartConfigurationException(path, $"Environment[\"{name}\"]", $"\"{value}\"",
                    "is reserved by ColdStart: set AWS_LAMBDA_EXEC_WRAPPER to your wrapper and ColdStart chains to it.");
            }
        }
    }

    /// <summary>An unresolved token is given the benefit of the doubt, as everywhere else.</summary>
    public static bool IsAbsoluteWrapperPath(string wrapper) => Token.IsUnresolved(wrapper) || wrapper.StartsWith('/');

    /// <summary>
    /// A <c>PYTHONPROFILEIMPORTTIME</c> the function already sets is kept only when it means exactly what ColdStart
    /// would set; any other value would change (or be overridden by) the profiling ColdStart was asked for.
    /// </summary>
    public static void ExistingImportTimeVariable(string path, string? value, ProfilingPlan plan)
    {
        if (value is null || Token.IsUnresolved(value) || value == plan.ImportTimeVariableValue)
        {
            return;
        }
        var effect = plan.Mode == ProfilingMode.Wrapper
            ? "the wrapper's -X importtime would override it in the interpreter, while child processes would inherit it"
            : "ColdStart would have to overwrite it";
        throw new ColdStartConfigurationException(path, $"Environment[\"{ProfilingPlan.ImportTimeVariable}\"]", $"\"{value}\"",
            $"must be \"{plan.ImportTimeVariableValue}\" (ImportTimeLevel {plan.Level}) or unset while ColdStart profiles this function: " +
            $"{effect}. Remove it and set `ImportTimeProfiling.ImportTimeLevel` instead.");
    }

    /// <summary>
    /// Validates the profiling options for this runtime and returns the plan: the mode and the interpreter's
    /// <c>-X</c> options, <c>importtime</c> first and the rest in canonical order.
    /// </summary>
    /// <param name="path">The construct path for messages.</param>
    /// <param name="options">The profiling options (null: the defaults).</param>
    /// <param name="runtime">The function's runtime: Python 3.8+ or a container image.</param>
    /// <param name="defaultMode">The mode when <see cref="ImportTimeProfilingOptions.Mode"/> is unset.</param>
    public static ProfilingPlan Profiling(string path, ImportTimeProfilingOptions? options, PythonRuntimeInfo runtime, ProfilingMode defaultMode)
    {
        var mode = options?.Mode ?? defaultMode;
        if (!Enum.IsDefined(mode))
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.Mode", mode.ToString(),
                "must be ProfilingMode.Wrapper or ProfilingMode.EnvironmentVariable.");
        }
        if (runtime.IsContainerImage && mode == ProfilingMode.Wrapper)
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.Mode",
                options?.Mode is null ? "Wrapper (the default)" : "Wrapper",
                "must be ProfilingMode.EnvironmentVariable for a container-image function: Lambda attaches no layers to images, so the wrapper " +
                "cannot be delivered (AWS's Python base images do honour AWS_LAMBDA_EXEC_WRAPPER, but the file would have to be built into the image). " +
                "PYTHONPROFILEIMPORTTIME needs nothing in the image.");
        }

        var level = options?.ImportTimeLevel ?? 1;
        if (level is not (1 or 2))
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ImportTimeLevel",
                level.ToString(CultureInfo.InvariantCulture), "must be 1 or 2.");
        }
        var importTime = level == 2 ? "importtime=2" : "importtime";
        if (runtime.Minor is not { } minor)
        {
            if (level == 2)
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ImportTimeLevel", $"2 (on {runtime.Name})",
                    "must be 1 for a container image: level 2 needs python3.14+, and an image's Python version cannot be read at synth (3.13 and older would print level 1 silently).");
            }
        }
        else if (XOptionRules.Problem(importTime, minor) is { } levelProblem)
        {
            throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ImportTimeLevel",
                $"{level} (on python3.{minor})", levelProblem + ".");
        }

        var extras = options?.ExtraXOptions ?? [];
        if (mode == ProfilingMode.EnvironmentVariable)
        {
            if (extras.Length > 0)
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions",
                    string.Join(", ", extras.Select(o => o is null ? "(null)" : $"\"{o}\"")),
                    "need ProfilingMode.Wrapper: PYTHONPROFILEIMPORTTIME only turns on the import profile, and other -X options can only be " +
                    "passed on the interpreter's command line, which the wrapper does.");
            }
            return new ProfilingPlan(mode, [importTime]);
        }

        var all = new List<string> { importTime };
        foreach (var option in extras)
        {
            var trimmed = option?.Trim() ?? "";
            var shown = option is null ? null : $"\"{option}\"";
            if (trimmed.StartsWith("importtime", StringComparison.Ordinal))
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions", shown,
                    "must not contain importtime: set ImportTimeProfiling.ImportTimeLevel instead.");
            }
            if (XOptionRules.Problem(trimmed, runtime.Minor!.Value) is { } problem)
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions", shown, problem + ".");
            }
            if (all.FirstOrDefault(o => XOptionRules.NameOf(o) == XOptionRules.NameOf(trimmed) && o != trimmed) is { } other)
            {
                throw new ColdStartConfigurationException(path, "ImportTimeProfiling.ExtraXOptions", shown,
                    $"must give each option once: -X {other} is also there, and which one CPython keeps depends on the order.");
            }
            all.Add(trimmed);
        }
        return new ProfilingPlan(mode, XOptionRules.Canonical(all));
    }

    public static void PreWarming(string path, PreWarmingOptions options)
    {
        WholeNumberAtLeast(path, "PreWarming.ProvisionedConcurrency", options.ProvisionedConcurrency, 1);
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
            WholeNumberAtLeast(path, "PreWarming.MinCapacity", min, 1);
        }
        if (options.MaxCapacity is { } max)
        {
            WholeNumberAtLeast(path, "PreWarming.MaxCapacity", max, 1);
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
        if (options.TargetUtilization is { } target && (!double.IsFinite(target) || (Known(target) && target is < 0.1 or > 0.9)))
        {
            throw new ColdStartConfigurationException(path, "PreWarming.TargetUtilization", Format(target),
                "must be between 0.1 and 0.9.");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (schedule, index) in (options.Schedules ?? []).Select((s, i) => (s, i)))
        {
            Schedule(path, $"PreWarming.Schedules[{index}]", schedule, names, effectiveMin, options.MaxCapacity);
        }
    }

    /// <summary>
    /// A scheduled action's bounds are whole numbers ≥ 0 with min ≤ max. A schedule that sets only one bound keeps the
    /// scalable target's other one, so it must stay within it: Application Auto Scaling asks for both whenever the new
    /// minimum would exceed the maximum (or the new maximum fall below the minimum).
    /// </summary>
    private static void Schedule(string path, string property, ScheduledPreWarming? schedule, HashSet<string> names, double targetMin, double? targetMax)
    {
        if (schedule is null || schedule.Schedule is null)
        {
            throw new ColdStartConfigurationException(path, $"{property}.Schedule", null, "is required.");
        }
        if (!ScheduleNamePattern().IsMatch(schedule.Name ?? ""))
        {
            throw new ColdStartConfigurationException(path, $"{property}.Name", schedule.Name is null ? null : $"\"{schedule.Name}\"",
                "must be 1-64 letters, digits, '-' or '_'.");
        }
        if (!names.Add(schedule.Name!))
        {
            throw new ColdStartConfigurationException(path, $"{property}.Name", $"\"{schedule.Name}\"",
                "must be unique among the schedules of this function.");
        }
        var named = $"(schedule \"{schedule.Name}\")";
        if (schedule.MinCapacity is null && schedule.MaxCapacity is null)
        {
            throw new ColdStartConfigurationException(path, property, $"\"{schedule.Name}\" without MinCapacity or MaxCapacity",
                "must set MinCapacity, MaxCapacity or both.");
        }
        if (schedule.MinCapacity is { } min)
        {
            WholeNumberAtLeast(path, $"{property}.MinCapacity", min, 0, named);
        }
        if (schedule.MaxCapacity is { } max)
        {
            WholeNumberAtLeast(path, $"{property}.MaxCapacity", max, 0, named);
        }
        switch (schedule.MinCapacity, schedule.MaxCapacity)
        {
            case ({ } a, { } b) when Known(a) && Known(b) && a > b:
                throw new ColdStartConfigurationException(path, $"{property}.MinCapacity", Format(a),
                    $"{named} must not exceed `{property}.MaxCapacity` ({Format(b)}).");
            case ({ } a, null) when targetMax is { } tmax && Known(a) && Known(tmax) && a > tmax:
                throw new ColdStartConfigurationException(path, $"{property}.MinCapacity", Format(a),
                    $"{named} must not exceed the scalable target's `PreWarming.MaxCapacity` ({Format(tmax)}) unless the schedule also sets " +
                    "MaxCapacity: the action would set a minimum above the maximum.");
            case (null, { } b) when Known(b) && Known(targetMin) && b < targetMin:
                throw new ColdStartConfigurationException(path, $"{property}.MaxCapacity", Format(b),
                    $"{named} must not be below the scalable target's minimum ({Format(targetMin)}) unless the schedule also sets " +
                    "MinCapacity: the action would set a maximum below the minimum.");
        }
    }

    private static void WholeNumberAtLeast(string path, string property, double value, int least, string? context = null)
    {
        if (!double.IsFinite(value) || (Known(value) && (value < least || value != Math.Floor(value))))
        {
            throw new ColdStartConfigurationException(path, property, Format(value),
                $"{(context is null ? "" : context + " ")}must be a whole number of at least {least}.");
        }
    }

    // Number tokens are finite doubles, so a non-finite value is never one (and must not be sent to jsii to ask).
    private static bool Known(double value) => double.IsFinite(value) && !Token.IsUnresolved(value);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_\-]*/)*[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex HandlerPattern();

    // Lambda's API: Environment.Variables key pattern [a-zA-Z]([a-zA-Z0-9_])+ (API_Environment.html).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]+\z")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex(@"^(?!^[0-9]+$)[A-Za-z0-9\-_]{1,128}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-_]{1,64}$")]
    private static partial Regex ScheduleNamePattern();
}
