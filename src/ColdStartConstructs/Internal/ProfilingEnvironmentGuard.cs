using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace ColdStart.Constructs.Internal;

/// <summary>
/// Fails synth when a variable ColdStart set on a profiled function was changed afterwards (by
/// <c>Function.AddEnvironment</c>, which observability helpers use, or by an aspect that ran later) and ColdStart
/// could not take the change into account: otherwise profiling, or the other tool's wrapper, would be dropped
/// silently while <c>ProfilingEnabled</c> says true. It remembers the variables as ColdStart left them and compares
/// them when CDK validates the tree, after every aspect has run.
/// </summary>
/// <remarks>A <c>Node.AddValidation</c> check must be its own small jsii object (DeputyBase): a construct cannot validate itself.</remarks>
internal sealed class ProfilingEnvironmentGuard : DeputyBase, IValidation
{
    private readonly CfnFunction _function;
    private readonly IReadOnlyList<string> _names;
    private readonly bool _overridden;
    private Dictionary<string, string> _expected = [];

    private ProfilingEnvironmentGuard(CfnFunction function, IReadOnlyList<string> names, bool overridden)
    {
        _function = function;
        _names = names;
        _overridden = overridden;
        Remember();
    }

    /// <summary>Starts watching variables of a function.</summary>
    /// <param name="owner">The construct whose validation reports a change (its path prefixes the message).</param>
    /// <param name="function">The function's CloudFormation resource.</param>
    /// <param name="names">The variables ColdStart owns there.</param>
    /// <param name="overridden">True when ColdStart wrote its values as template overrides (raw L1 functions), so the
    /// function's own property still holds the user's values and a later change to it would be dropped.</param>
    public static ProfilingEnvironmentGuard Watch(IConstruct owner, CfnFunction function, IReadOnlyList<string> names, bool overridden)
    {
        var guard = new ProfilingEnvironmentGuard(function, names, overridden);
        owner.Node.AddValidation(guard);
        return guard;
    }

    /// <summary>Takes the variables as they are now as ColdStart's own (after ColdStart chained a new wrapper).</summary>
    public void Remember()
    {
        var variables = FunctionVariables.Read(_function);
        _expected = _names.ToDictionary(n => n, n => FunctionVariables.Shown(variables, n));
    }

    /// <summary>Whether <paramref name="name"/> still has the value ColdStart left it with.</summary>
    public bool Unchanged(string name) => FunctionVariables.Shown(FunctionVariables.Read(_function), name) == _expected[name];

    /// <summary>Called by CDK after aspects, before the template is written.</summary>
    public string[] Validate()
    {
        var variables = FunctionVariables.Read(_function);
        var errors = new List<string>();
        foreach (var name in _names)
        {
            var now = FunctionVariables.Shown(variables, name);
            if (now != _expected[name])
            {
                errors.Add($"`Environment[\"{name}\"]` was changed after ColdStart set up profiling, from {_expected[name]} to {now}: " +
                    $"{Consequence(name, FunctionVariables.Text(variables, name))}. Set it before ColdStart profiles the function (in the " +
                    "construct's `Environment`, or before the aspect that profiles it runs) and ColdStart keeps it, or turn profiling off " +
                    $"for this function. Found: {now}.");
            }
        }
        return [.. errors];
    }

    private string Consequence(string name, string? now) => (name, _overridden) switch
    {
        (ImportTimeWrapperLayer.ChainedWrapperVariable, _) =>
            "the variable is reserved by ColdStart (it holds the wrapper ColdStart's wrapper chains to); set AWS_LAMBDA_EXEC_WRAPPER instead",
        (_, true) => "ColdStart overrides this variable in the template, so the new value would be dropped silently",
        (ImportTimeWrapperLayer.ExecWrapperVariable, false) when now is not null && !FunctionValidation.IsAbsoluteWrapperPath(now) =>
            "ColdStart cannot chain to a wrapper that is not an absolute path, and without ColdStart's wrapper profiling would stop silently",
        (ImportTimeWrapperLayer.ExecWrapperVariable, false) => "ColdStart's wrapper would no longer run, so profiling would stop silently",
        _ => "the import profile ColdStart was asked for would change or stop silently",
    };
}
