namespace ColdStart.Analysis;

/// <summary>Who a module belongs to, by its top-level package name.</summary>
public enum ModuleClass
{
    /// <summary>The Lambda runtime itself (<c>bootstrap</c>, <c>awslambdaric*</c>, <c>lambda_runtime_*</c>, <c>rapid_client</c>…).</summary>
    LambdaRuntime,

    /// <summary>The CPython standard library of the cold start's Python version.</summary>
    StandardLibrary,

    /// <summary>Anything else: installed packages, layers, the AWS SDK shipped in the runtime.</summary>
    ThirdParty,

    /// <summary>The function's own code: the top-level package of <see cref="ParseOptions.HandlerModule"/>.</summary>
    User,
}
