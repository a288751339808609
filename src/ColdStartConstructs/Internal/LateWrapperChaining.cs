using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Chains to a wrapper that was set on a profiled function after ColdStart set its own — typically with
/// <c>Function.AddEnvironment("AWS_LAMBDA_EXEC_WRAPPER", …)</c>, which is how observability helpers add theirs — exactly
/// as a wrapper given at construction is chained (same info annotation). It runs as an aspect on the function, so after
/// the app's code and after aspects of enclosing scopes; a change it cannot chain (a relative path, the reserved
/// variable, a change made later still) is left for <see cref="ProfilingEnvironmentGuard"/> to fail synth on.
/// </summary>
internal sealed class LateWrapperChaining : DeputyBase, IAspect
{
    private readonly IConstruct _annotated;
    private readonly Function _function;
    private readonly ProfilingEnvironmentGuard _guard;

    public LateWrapperChaining(IConstruct annotated, Function function, ProfilingEnvironmentGuard guard)
    {
        _annotated = annotated;
        _function = function;
        _guard = guard;
    }

    /// <summary>Acts on the function and on its CfnFunction, the last of its nodes enclosing aspects visit.</summary>
    public void Visit(IConstruct node)
    {
        var path = node.Node.Path;
        if (path == _function.Node.Path || path == _function.Node.DefaultChild?.Node.Path)
        {
            Apply(_annotated, _function, _guard);
        }
    }

    /// <summary>Chains to the function's wrapper when it is no longer ColdStart's and can be chained to safely.</summary>
    public static void Apply(IConstruct annotated, Function function, ProfilingEnvironmentGuard guard)
    {
        var variables = FunctionVariables.Read((CfnFunction)function.Node.DefaultChild!);
        var wrapper = FunctionVariables.Text(variables, ImportTimeWrapperLayer.ExecWrapperVariable);
        if (wrapper is null || wrapper == ImportTimeWrapperLayer.WrapperPath || !FunctionValidation.IsAbsoluteWrapperPath(wrapper)
            || !guard.Unchanged(ImportTimeWrapperLayer.ChainedWrapperVariable))
        {
            return;
        }
        foreach (var (name, value) in ProfilingEnvironment.Wrapper(annotated, wrapper))
        {
            function.AddEnvironment(name, value);
        }
        guard.Remember();
    }
}
