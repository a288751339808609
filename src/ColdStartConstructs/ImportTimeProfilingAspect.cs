using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using ColdStart.Constructs.Internal;
using Constructs;

namespace ColdStart.Constructs;

/// <summary>
/// Profiles every Python Lambda function in a scope, including functions made by other constructs:
/// <c>Aspects.Of(stage).Add(new ImportTimeProfilingAspect())</c>. It follows the same switch as
/// <see cref="ImportTimeProfiledFunction"/> (its own <see cref="ImportTimeProfilingOptions.Enabled"/>, else the context
/// key <c>coldstart:profiling</c> at each function, else on) and applies the same checks, skips functions that an
/// <see cref="ImportTimeProfiledFunction"/> already decided about, warns about non-Python functions, profiles
/// container-image functions with <c>PYTHONPROFILEIMPORTTIME</c> (they cannot take the wrapper's layer), and fails
/// synth for OS-only (<c>provided*</c>) runtimes and for a function that two aspects with different options reach.
/// It is idempotent: running again (every synth does) changes nothing.
/// </summary>
public class ImportTimeProfilingAspect : DeputyBase, IAspect
{
    private readonly ImportTimeProfilingOptions _options;

    /// <summary>Creates the aspect.</summary>
    /// <param name="options">Profiling options applied to every function. Default: <c>-X importtime</c> through the
    /// wrapper (<c>PYTHONPROFILEIMPORTTIME</c> for container images), the context switch, no extra options.</param>
    public ImportTimeProfilingAspect(ImportTimeProfilingOptions? options = null)
    {
        _options = options ?? new ImportTimeProfilingOptions();
    }

    /// <summary>Called by CDK for every construct in the scope.</summary>
    /// <param name="node">The construct being visited.</param>
    public void Visit(IConstruct node)
    {
        try
        {
            switch (node)
            {
                case Function function:
                    Decide(function, function, (CfnFunction)function.Node.DefaultChild!);
                    break;
                case CfnFunction cfn when cfn.Node.Scope is Function parent:
                    // Visited after the Function, and after aspects that acted on the Function after this one.
                    if (ProfilingMarker.Of(parent) is { WrapperGuard: { } guard })
                    {
                        LateWrapperChaining.Apply(parent, parent, guard);
                    }
                    break;
                case CfnFunction cfn:
                    Decide(cfn, null, cfn);
                    break;
                case CfnResource resource when resource is not CfnFunction && resource.CfnResourceType == "AWS::Lambda::Function":
                    if (!ProfilingMarker.IsMarked(resource))
                    {
                        ProfilingMarker.Mark(resource);
                        Annotations.Of(resource).AddWarningV2(ProfilingAnnotations.NotProfilableId,
                            "Not profiled by ColdStart: this Lambda function is a raw CfnResource whose runtime and variables cannot be read.");
                    }
                    break;
            }
        }
        catch (ColdStartConfigurationException e)
        {
            // Throwing inside an aspect surfaces as a jsii callback failure; an error annotation fails synth cleanly.
            Annotations.Of(node).AddError(e.Message);
        }
    }

    /// <param name="target">The construct that is visited: the L2 function, or the raw L1.</param>
    /// <param name="l2">The L2 function, or null for a raw L1.</param>
    /// <param name="cfn">The function's CloudFormation resource.</param>
    private void Decide(Construct target, Function? l2, CfnFunction cfn)
    {
        var isImage = l2 is not null ? l2.Runtime.Name == Runtime.FROM_IMAGE.Name : cfn.PackageType == "Image";
        if (ProfilingMarker.Of(target) is { } marker)
        {
            ReportConflict(target, marker, isImage);
            return;
        }
        string decision;
        try
        {
            decision = Decision(target, isImage);
        }
        catch (ColdStartConfigurationException)
        {
            ProfilingMarker.Mark(target);
            throw;
        }
        var newMarker = ProfilingMarker.Mark(target, decision);
        if (!ProfilingToggle.IsEnabled(target, _options.Enabled)
            || Profilable(target, l2?.Runtime.Name ?? cfn.Runtime ?? "", isImage) is not { } runtime)
        {
            return;
        }

        var path = target.Node.Path;
        var plan = FunctionValidation.Profiling(path, _options, runtime,
            isImage ? ProfilingMode.EnvironmentVariable : ProfilingMode.Wrapper);
        var variables = FunctionVariables.Read(cfn);
        FunctionValidation.Environment(path, FunctionVariables.AsStrings(variables));
        FunctionValidation.ExistingImportTimeVariable(path, FunctionVariables.Text(variables, ProfilingPlan.ImportTimeVariable), plan);

        if (plan.Mode == ProfilingMode.Wrapper)
        {
            var layer = ImportTimeWrapperLayer.Of(target, plan.XOptions);
            if (l2 is not null)
            {
                l2.AddLayers(layer.Layer);
            }
            else
            {
                cfn.Layers = [.. cfn.Layers ?? [], layer.Layer.LayerVersionArn];
            }
        }
        foreach (var (name, value) in ProfilingEnvironment.For(target, plan, FunctionVariables.Text(variables, ImportTimeWrapperLayer.ExecWrapperVariable)))
        {
            if (l2 is not null)
            {
                l2.AddEnvironment(name, value);
            }
            else
            {
                cfn.AddPropertyOverride($"Environment.Variables.{name}", value);
            }
        }
        if (isImage && _options.Mode is null)
        {
            Annotations.Of(target).AddInfo(
                $"[{ProfilingAnnotations.EnvironmentVariableModeId}] Container image: profiled with {ProfilingPlan.ImportTimeVariable}=" +
                $"{plan.ImportTimeVariableValue}, as images cannot take the wrapper's layer (no profile-start line; child Python processes inherit it).");
        }
        ProfilingAnnotations.WarnIfProduction(target, ProfilingToggle.IsProduction(target, _options.Production));

        var guard = ProfilingEnvironmentGuard.Watch(target, cfn, ProfilingEnvironment.Owned(plan.Mode), overridden: l2 is null);
        if (l2 is not null && plan.Mode == ProfilingMode.Wrapper)
        {
            newMarker.WrapperGuard = guard;
        }
    }

    /// <summary>What this aspect does to the function, from its options alone, to compare with another aspect's.</summary>
    private string Decision(IConstruct function, bool isImage)
    {
        if (!ProfilingToggle.IsEnabled(function, _options.Enabled))
        {
            return "off";
        }
        var level = _options.ImportTimeLevel ?? 1;
        var extras = (_options.ExtraXOptions ?? []).Select(o => o?.Trim() ?? "");
        var mode = _options.Mode ?? (isImage ? ProfilingMode.EnvironmentVariable : ProfilingMode.Wrapper);
        return new ProfilingPlan(mode, XOptionRules.Canonical([level == 1 ? "importtime" : $"importtime={level}", .. extras])).Signature;
    }

    private void ReportConflict(Construct function, ProfilingMarker marker, bool isImage)
    {
        if (marker.AspectDecision is not { } first || marker.ConflictReported)
        {
            return;
        }
        var mine = Decision(function, isImage);
        if (mine != first)
        {
            marker.ConflictReported = true;
            Annotations.Of(function).AddError(
                $"{function.Node.Path}: two ImportTimeProfilingAspects with different options reach this function: one profiles it as " +
                $"\"{first}\", another asks for \"{mine}\". ColdStart applies the first only; give each scope one aspect, or the same options.");
        }
    }

    /// <summary>Returns the runtime, or null (with an annotation) when the function can't be profiled.</summary>
    private static PythonRuntimeInfo? Profilable(IConstruct function, string runtimeName, bool isImage)
    {
        var runtime = PythonRuntimeInfo.Of(isImage ? Runtime.FROM_IMAGE.Name : runtimeName);
        if (runtime.IsContainerImage)
        {
            return runtime;
        }
        if (runtime.IsOsOnly)
        {
            Annotations.Of(function).AddError(
                $"ColdStart cannot profile this function: `Runtime` is {runtime.Name}, an OS-only runtime that runs no wrapper script and may not be CPython. " +
                "Limit the ImportTimeProfilingAspect to a scope without it, or set coldstart:profiling to false there.");
            return null;
        }
        if (!runtime.IsPython)
        {
            Annotations.Of(function).AddWarningV2(ProfilingAnnotations.NotPythonId,
                $"Not profiled by ColdStart: `Runtime` is {runtime.Name}, and -X importtime is a Python option.");
            return null;
        }
        if (runtime.Minor < PythonRuntimeInfo.OldestSupportedMinor)
        {
            Annotations.Of(function).AddError(
                $"ColdStart cannot profile this function: `Runtime` is {runtime.Name}; python3.{PythonRuntimeInfo.OldestSupportedMinor} or newer is needed.");
            return null;
        }
        ProfilingAnnotations.WarnIfDeprecated(function, runtime);
        return runtime;
    }
}
