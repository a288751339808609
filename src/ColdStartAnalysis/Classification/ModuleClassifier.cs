using System.Text.RegularExpressions;
using ColdStart.Analysis.Classification.Internal;

namespace ColdStart.Analysis;

/// <summary>
/// Classes modules by their top-level package: the function's own code (the handler's top-level package),
/// the Lambda runtime, the standard library of the given CPython version (embedded lists for 3.8–3.13; a newer
/// version uses the newest list, an unknown version the union of all), or third party.
/// </summary>
public sealed partial class ModuleClassifier
{
    private static readonly string[] RuntimeModules = ["bootstrap", "rapid_client", "runtime_client", "lambda_literals"];
    private static readonly string[] RuntimePrefixes = ["awslambdaric", "lambda_runtime_"];

    private readonly string? _userPackage;

    /// <summary>Creates a classifier.</summary>
    /// <param name="handlerModule">The handler's module (<c>app.handler</c>) or handler string (<c>lambda_function.lambda_handler</c>);
    /// its first dotted component is user code. Default: null (nothing is classed as user code).</param>
    public ModuleClassifier(string? handlerModule = null)
    {
        _userPackage = string.IsNullOrWhiteSpace(handlerModule) ? null : TopLevel(handlerModule.Trim());
    }

    /// <summary>The CPython versions that have an embedded standard-library list.</summary>
    public static IReadOnlyCollection<Version> StandardLibraryVersions => StandardLibraryLists.Versions;

    /// <summary>Classes one module.</summary>
    /// <param name="moduleName">Dotted module name.</param>
    /// <param name="pythonVersion">The interpreter's version (major.minor used); null when unknown.</param>
    public ModuleClass Classify(string moduleName, Version? pythonVersion)
    {
        var top = TopLevel(moduleName);
        if (top == _userPackage)
        {
            return ModuleClass.User;
        }

        if (RuntimeModules.Contains(top) || RuntimePrefixes.Any(p => top.StartsWith(p, StringComparison.Ordinal)))
        {
            return ModuleClass.LambdaRuntime;
        }

        return StandardLibraryLists.For(pythonVersion).Contains(top) ? ModuleClass.StandardLibrary : ModuleClass.ThirdParty;
    }

    /// <summary>
    /// The Python version named by a Lambda runtime version (<c>python:3.13.v14</c>) or an interpreter path
    /// (<c>/var/lang/bin/python3.13</c>); null when neither names one.
    /// </summary>
    public static Version? PythonVersionOf(string? runtimeVersion, string? interpreter)
    {
        foreach (var text in (ReadOnlySpan<string?>)[runtimeVersion, interpreter])
        {
            if (text is not null && PythonVersionPattern().Match(text) is { Success: true } match)
            {
                return new Version(int.Parse(match.Groups[1].ValueSpan), int.Parse(match.Groups[2].ValueSpan));
            }
        }

        return null;
    }

    private static string TopLevel(string name)
    {
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    [GeneratedRegex(@"python:?(\d+)\.(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PythonVersionPattern();
}
