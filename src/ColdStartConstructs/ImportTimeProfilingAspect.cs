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
/// key <c>coldstart:profiling</c> at each function, else on), skips functions that an
/// <see cref="ImportTimeProfiledFunction"/> already decided about, warns about non-Python functions, and fails synth
/// for container images and OS-only (<c>provided*</c>) runtimes, where a wrapper cannot run.
/// It is idempotent: running again (every synth does) changes nothing.
/// </summary>
public class ImportTimeProfilingAspect : DeputyBase, IAspect
{
    private readonly ImportTimeProfilingOptions _options;

    /// <summary>Creates the aspect.</summary>
    /// <param name="options">Profiling options applied to every function. Default: <c>-X importtime</c>, the
    /// context switch, no extra options.</param>
    public ImportTimeProfilingAspect(ImportTimeProfilingOptions? options = null)
    {
        _options = options ?? new ImportTimeProfilingOptions();
    }

    /// <summary>Called by CDK for every construct in the scope.</summary>
    /// <param name="node">The construct being visited.</param>
    public void Visit(IConstruct node)
    {
        switch (node)
        {
            case Function function:
                if (!ProfilingMarker.IsMarked(function))
                {
                    ProfilingMarker.Mark(function);
                    ProfileFunction(function);
                }
                break;
            case CfnFunction cfn when cfn.Node.Scope is not Function:
                if (!ProfilingMarker.IsMarked(cfn))
                {
                    ProfilingMarker.Mark(cfn);
                    ProfileCfnFunction(cfn);
                }
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

    private void ProfileFunction(Function function)
    {
        if (!ProfilingToggle.IsEnabled(function, _options.Enabled)
            || ProfilableRuntime(function, function.Runtime.Name, isImage: false) is not { } minor
            || ValidXOptions(function, minor) is not { } xOptions)
        {
            return;
        }
        var cfn = (CfnFunction)function.Node.DefaultChild!;
        var layer = ImportTimeWrapperLayer.Of(function, xOptions);
        function.AddLayers(layer.Layer);
        foreach (var (name, value) in WrapperEnvironment.For(function, ExistingWrapper(cfn)))
        {
            function.AddEnvironment(name, value);
        }
        ProfilingAnnotations.WarnIfProduction(function, ProfilingToggle.IsProduction(function, _options.Production));
    }

    private void ProfileCfnFunction(CfnFunction cfn)
    {
        if (!ProfilingToggle.IsEnabled(cfn, _options.Enabled)
            || ProfilableRuntime(cfn, cfn.Runtime ?? "", isImage: cfn.PackageType == "Image") is not { } minor
            || ValidXOptions(cfn, minor) is not { } xOptions)
        {
            return;
        }
        var layer = ImportTimeWrapperLayer.Of(cfn, xOptions);
        cfn.Layers = [.. cfn.Layers ?? [], layer.Layer.LayerVersionArn];
        foreach (var (name, value) in WrapperEnvironment.For(cfn, ExistingWrapper(cfn)))
        {
            cfn.AddPropertyOverride($"Environment.Variables.{name}", value);
        }
        ProfilingAnnotations.WarnIfProduction(cfn, ProfilingToggle.IsProduction(cfn, _options.Production));
    }

    /// <summary>Returns the Python minor version, or null (with an annotation) when the function can't be profiled.</summary>
    private static int? ProfilableRuntime(IConstruct function, string runtimeName, bool isImage)
    {
        var runtime = PythonRuntimeInfo.Of(isImage ? "FROM_IMAGE" : runtimeName);
        if (runtime.IsContainerImage || runtime.IsOsOnly)
        {
            Annotations.Of(function).AddError(
                $"ColdStart cannot profile this function: `Runtime` is {runtime.Name}, and wrapper scripts only run on managed runtimes. " +
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
        return runtime.Minor;
    }

    private IReadOnlyList<string>? ValidXOptions(IConstruct function, int pythonMinor)
    {
        try
        {
            return FunctionValidation.XOptions(function.Node.Path, _options, pythonMinor);
        }
        catch (ColdStartConfigurationException e)
        {
            // Throwing inside an aspect surfaces as a jsii callback failure; an error annotation fails synth cleanly.
            Annotations.Of(function).AddError(e.Message);
            return null;
        }
    }

    private static string? ExistingWrapper(CfnFunction cfn)
    {
        // Resolving gives the jsii shape ({ variables: … }) for both L2 and L1 functions; accept either casing.
        if (cfn.Environment is null
            || Stack.Of(cfn).Resolve(cfn.Environment) is not IDictionary<string, object> environment
            || environment.FirstOrDefault(kv => kv.Key.Equals("Variables", StringComparison.OrdinalIgnoreCase)).Value
                is not IDictionary<string, object> map
            || !map.TryGetValue(ImportTimeWrapperLayer.ExecWrapperVariable, out var wrapper))
        {
            return null;
        }
        // An intrinsic (a Ref, an import) resolves to an object: keep it as a token so chaining still works.
        return wrapper as string ?? (wrapper is null ? null : Token.AsString(wrapper));
    }
}
