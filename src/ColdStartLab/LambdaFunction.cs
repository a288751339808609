namespace ColdStart.Lab;

/// <summary>A Python function the lab can start locally: its code, layers, handler, runtime and literal environment.</summary>
public sealed record LambdaFunction
{
    /// <summary>How the function is named in reports: its construct path (e.g. <c>Dev/Orders/Lazy/Function</c>), or the code folder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The CloudFormation logical id; null for functions given with <c>--code</c>.</summary>
    public string? LogicalId { get; init; }

    /// <summary>The template the function came from, relative to the cloud assembly; null for <c>--code</c>.</summary>
    public string? Template { get; init; }

    /// <summary>The Lambda runtime, e.g. <c>python3.13</c>.</summary>
    public required string Runtime { get; init; }

    /// <summary>The handler, <c>module.function</c> with the module dotted or under a folder (<c>pkg/app.handler</c>).</summary>
    public required string Handler { get; init; }

    /// <summary>The code: a folder, or a zip file that is extracted for each run (as Lambda extracts it into <c>/var/task</c>).</summary>
    public required string CodePath { get; init; }

    /// <summary>The layers' folders or zip files, in the function's order (a later layer's files win, as in <c>/opt</c>). Default: none.</summary>
    public IReadOnlyList<string> LayerPaths { get; init; } = [];

    /// <summary>Layers that are not local assets (ARNs, imports): they cannot be put in place locally. Default: none.</summary>
    public IReadOnlyList<string> NonLocalLayers { get; init; } = [];

    /// <summary>The function's environment variables with literal values. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables whose values are CloudFormation expressions (Ref, GetAtt…): left unset locally. Default: none.</summary>
    public IReadOnlyList<string> UnresolvedEnvironment { get; init; } = [];

    /// <summary>The function's name on AWS when the template sets a literal one; otherwise null (the lab then uses the logical id or <see cref="Name"/>).</summary>
    public string? FunctionName { get; init; }

    /// <summary><c>MemorySize</c> in MB. Default: 128, Lambda's default.</summary>
    public int MemoryMb { get; init; } = 128;

    /// <summary><c>Timeout</c> in seconds, for the context's remaining time. Default: 3, Lambda's default.</summary>
    public int TimeoutSeconds { get; init; } = 3;

    /// <summary>The stack's region when the assembly names one; null when environment-agnostic (the lab then uses <c>us-east-1</c>).</summary>
    public string? Region { get; init; }

    /// <summary><c>AWS_LAMBDA_EXEC_WRAPPER</c> from <see cref="Environment"/>; null when the function has no wrapper.</summary>
    public string? ExecWrapper => Environment.TryGetValue("AWS_LAMBDA_EXEC_WRAPPER", out var wrapper) ? wrapper : null;

    /// <summary>The name the lab gives the function in its environment and context: the literal FunctionName, else the logical id, else <see cref="Name"/>.</summary>
    internal string LambdaName => FunctionName ?? LogicalId ?? Name;

    /// <summary>The <c>major.minor</c> Python version of <see cref="Runtime"/>, e.g. <c>3.13</c>.</summary>
    public string PythonVersion => LocalPython.MinorVersionOf(Runtime) ?? throw new InvalidOperationException($"{Runtime} is not a python3.N runtime");
}
