using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.Lambda;
using ColdStart.Constructs.Internal;
using Constructs;

namespace ColdStart.Constructs;

/// <summary>
/// A Python Lambda function whose cold starts log CPython's import profile (<c>-X importtime</c>): it adds the
/// stack's <see cref="ImportTimeWrapperLayer"/> and sets <c>AWS_LAMBDA_EXEC_WRAPPER=/opt/importtime_wrapper</c>, or in
/// <see cref="ProfilingMode.EnvironmentVariable"/> mode sets <c>PYTHONPROFILEIMPORTTIME</c> (also for container images).
/// With profiling off (per stage, through the context key <c>coldstart:profiling</c>) it is exactly a plain
/// <see cref="Amazon.CDK.AWS.Lambda.Function"/>. Optionally pre-warmed with provisioned concurrency and autoscaling.
/// </summary>
public class ImportTimeProfiledFunction : Construct
{
    /// <summary>The default alias that carries provisioned concurrency.</summary>
    public const string DefaultAliasName = "live";

    /// <summary>The default target of the provisioned-concurrency utilisation policy.</summary>
    public const double DefaultTargetUtilization = 0.7;

    /// <summary>Creates the function (and, when profiling is on, attaches the wrapper layer).</summary>
    /// <param name="scope">The parent construct.</param>
    /// <param name="id">The construct id; the function is its child <c>Function</c>.</param>
    /// <param name="props">Every <see cref="FunctionProps"/> option plus profiling and pre-warming.</param>
    public ImportTimeProfiledFunction(Construct scope, string id, ImportTimeProfiledFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var path = Node.Path;
        FunctionValidation.Code(path, props.Code);
        var isImage = FunctionValidation.IsImage(props.Code);
        var runtime = props.Runtime ?? (isImage ? Runtime.FROM_IMAGE : PythonRuntimes.Python313);
        var runtimeInfo = FunctionValidation.Runtime(path, "Runtime", runtime, props.Code);
        FunctionValidation.Handler(path, props.Handler, isImage);
        FunctionValidation.Environment(path, props.Environment);
        if (props.PreWarming is not null)
        {
            FunctionValidation.PreWarming(path, props.PreWarming);
        }

        ProfilingEnabled = ProfilingToggle.IsEnabled(this, props.ImportTimeProfiling?.Enabled);
        var functionProps = PropsCopy<FunctionProps>.Of(props);
        functionProps.Runtime = runtime;
        if (isImage)
        {
            functionProps.Handler ??= Handler.FROM_IMAGE;
        }
        ProfilingPlan? plan = null;
        if (ProfilingEnabled)
        {
            plan = FunctionValidation.Profiling(path, props.ImportTimeProfiling, runtimeInfo, ProfilingMode.Wrapper);
            var environment = new Dictionary<string, string>(props.Environment ?? new Dictionary<string, string>());
            environment.TryGetValue(ProfilingPlan.ImportTimeVariable, out var ownImportTime);
            FunctionValidation.ExistingImportTimeVariable(path, ownImportTime, plan);
            Mode = plan.Mode;
            XOptions = plan.XOptions;
            if (plan.Mode == ProfilingMode.Wrapper)
            {
                var layer = ImportTimeWrapperLayer.Of(this, plan.XOptions);
                Layer = layer.Layer;
                functionProps.Layers = [.. props.Layers ?? [], layer.Layer];
            }
            environment.TryGetValue(ImportTimeWrapperLayer.ExecWrapperVariable, out var existingWrapper);
            foreach (var (name, value) in ProfilingEnvironment.For(this, plan, existingWrapper))
            {
                environment[name] = value;
            }
            functionProps.Environment = environment;
            ProfilingAnnotations.WarnIfProduction(this, ProfilingToggle.IsProduction(this, props.ImportTimeProfiling?.Production));
        }
        if (runtimeInfo.IsPython)
        {
            ProfilingAnnotations.WarnIfDeprecated(this, runtimeInfo);
        }

        Function = new Function(this, "Function", functionProps);
        ProfilingMarker.Mark(Function);
        if (plan is not null)
        {
            var guard = ProfilingEnvironmentGuard.Watch(this, (CfnFunction)Function.Node.DefaultChild!,
                ProfilingEnvironment.Owned(plan.Mode), overridden: false);
            if (plan.Mode == ProfilingMode.Wrapper)
            {
                Aspects.Of(Function).Add(new LateWrapperChaining(this, Function, guard));
            }
        }

        if (props.PreWarming is not null)
        {
            AddPreWarming(props.PreWarming);
        }
    }

    /// <summary>The Lambda function.</summary>
    public Function Function { get; }

    /// <summary>
    /// Whether cold starts are profiled (the prop, else context, else <c>true</c>): the wrapper layer and variable, or
    /// <c>PYTHONPROFILEIMPORTTIME</c>, were added. ColdStart fails synth rather than let a later change of those
    /// variables turn profiling off while this says true.
    /// </summary>
    public bool ProfilingEnabled { get; }

    /// <summary>How the function is profiled; null when profiling is off.</summary>
    public ProfilingMode? Mode { get; }

    /// <summary>
    /// The <c>-X</c> options the interpreter runs with, <c>importtime</c> (or <c>importtime=2</c>) first and the rest
    /// sorted: passed by the wrapper, or in <see cref="ProfilingMode.EnvironmentVariable"/> mode the level that
    /// <c>PYTHONPROFILEIMPORTTIME</c> stands for. Empty when profiling is off.
    /// </summary>
    public IReadOnlyList<string> XOptions { get; } = [];

    /// <summary>
    /// The wrapper layer, shared by the stack's profiled functions; null when profiling is off or in
    /// <see cref="ProfilingMode.EnvironmentVariable"/> mode.
    /// </summary>
    public ILayerVersion? Layer { get; }

    /// <summary>The published version behind <see cref="Alias"/>; null until pre-warming is added.</summary>
    public IVersion? Version { get; private set; }

    /// <summary>The alias with provisioned concurrency; null until pre-warming is added.</summary>
    public Alias? Alias { get; private set; }

    /// <summary>The Application Auto Scaling target of the alias; null unless pre-warming has autoscaling.</summary>
    public ScalableTarget? ScalableTarget { get; private set; }

    /// <summary>
    /// Adds provisioned concurrency on an alias of the current version, with optional autoscaling. Can be called
    /// once (or given as <see cref="ImportTimeProfiledFunctionProps.PreWarming"/>). Any change to code, layers or
    /// variables publishes a new version, and provisioned concurrency is allocated again for it on deploy.
    /// </summary>
    /// <param name="options">Provisioned concurrency, alias name and autoscaling.</param>
    /// <returns>The alias that carries the provisioned concurrency.</returns>
    public Alias AddPreWarming(PreWarmingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Alias is not null)
        {
            throw new ColdStartConfigurationException(Node.Path, "PreWarming", Alias.AliasName,
                "is already configured for this function (an alias with provisioned concurrency exists); add it once.");
        }
        FunctionValidation.PreWarming(Node.Path, options);
        var setup = PreWarmingSetup.Apply(this, Function, options);
        Version = setup.Version;
        Alias = setup.Alias;
        ScalableTarget = setup.ScalableTarget;
        return setup.Alias;
    }
}
