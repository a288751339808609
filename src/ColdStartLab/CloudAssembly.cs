using ColdStart.Lab.Internal;

namespace ColdStart.Lab;

/// <summary>
/// The Python functions of a synthesised CDK app, read from its cloud assembly (<c>cdk.out</c>): every stack of
/// every stage (<c>manifest.json</c> and nested <c>assembly-*</c> folders), each function's code and layer assets
/// (from the <c>*.assets.json</c> manifests or <c>aws:asset:path</c> metadata), handler, runtime and literal
/// environment. Only JSON files are read: no aws-cdk-lib, node or AWS access is needed.
/// </summary>
public sealed class CloudAssembly
{
    private CloudAssembly(string directory, IReadOnlyList<LambdaFunction> functions, IReadOnlyList<SkippedFunction> skipped,
        IReadOnlyList<string> stacks, IReadOnlyList<string> notes)
    {
        Directory = directory;
        Functions = functions;
        Skipped = skipped;
        Stacks = stacks;
        Notes = notes;
    }

    /// <summary>The folder that was read.</summary>
    public string Directory { get; }

    /// <summary>The functions the lab can run, in stack order then template order.</summary>
    public IReadOnlyList<LambdaFunction> Functions { get; }

    /// <summary>Functions that cannot run locally (not Python, inline code, code in S3, container images…), with the reason.</summary>
    public IReadOnlyList<SkippedFunction> Skipped { get; }

    /// <summary>The stacks read, by display name (e.g. <c>Dev/Orders</c>).</summary>
    public IReadOnlyList<string> Stacks { get; }

    /// <summary>What was found but not read, one sentence each (nested stacks, for one).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads the assembly in <paramref name="directory"/> (the folder holding <c>manifest.json</c>).</summary>
    /// <exception cref="CloudAssemblyException">The folder has no readable manifest, or a template or asset manifest it names is missing or not JSON.</exception>
    public static CloudAssembly Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new CloudAssemblyException($"'{directory}' is not a folder: expected a cloud assembly such as cdk.out (run `cdk synth` first).");
        }

        if (!File.Exists(Path.Combine(full, "manifest.json")))
        {
            throw new CloudAssemblyException($"'{directory}' has no manifest.json: expected a cloud assembly such as cdk.out (run `cdk synth` first).");
        }

        var reader = new AssemblyReader();
        reader.ReadAssembly(full);
        return new CloudAssembly(full, reader.Functions, reader.Skipped, reader.Stacks, reader.Notes);
    }

    /// <summary>
    /// The functions and skipped functions that match any of <paramref name="patterns"/> (see <see cref="FunctionPattern"/>);
    /// every function when there are none.
    /// </summary>
    /// <exception cref="ArgumentException">A pattern matches no function; the message names it and lists the functions.</exception>
    public (IReadOnlyList<LambdaFunction> Functions, IReadOnlyList<SkippedFunction> Skipped) Select(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            return (Functions, Skipped);
        }

        var parsed = patterns.Select(p => new FunctionPattern(p)).ToList();
        foreach (var pattern in parsed)
        {
            if (!Functions.Any(f => pattern.Matches(f.Name, f.LogicalId)) && !Skipped.Any(s => pattern.Matches(s.Name, s.LogicalId)))
            {
                var known = string.Join(", ", Functions.Select(f => f.Name).Concat(Skipped.Select(s => s.Name)));
                throw new ArgumentException(
                    $"--function '{pattern}' matches no function in {Directory}; functions: {(known.Length == 0 ? "none" : known)}.", nameof(patterns));
            }
        }

        return (Functions.Where(f => parsed.Any(p => p.Matches(f.Name, f.LogicalId))).ToList(),
            Skipped.Where(s => parsed.Any(p => p.Matches(s.Name, s.LogicalId))).ToList());
    }
}
