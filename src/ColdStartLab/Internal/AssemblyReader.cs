using System.Globalization;
using System.Text.Json;

namespace ColdStart.Lab.Internal;

/// <summary>Walks a cloud assembly's manifests (and nested stage assemblies) and reads every stack's Lambda functions.</summary>
internal sealed class AssemblyReader
{
    public List<LambdaFunction> Functions { get; } = [];

    public List<SkippedFunction> Skipped { get; } = [];

    public List<string> Stacks { get; } = [];

    public List<string> Notes { get; } = [];

    private string _root = "";

    public void ReadAssembly(string directory)
    {
        if (_root.Length == 0)
        {
            _root = directory;
        }

        var manifestPath = Path.Combine(directory, "manifest.json");
        using var manifest = ReadJson(manifestPath);
        if (!manifest.RootElement.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var assets = new AssetIndex();
        foreach (var artifact in artifacts.EnumerateObject())
        {
            if (Type(artifact.Value) == "cdk:asset-manifest" && Property(artifact.Value, "properties", "file") is { } file)
            {
                var path = Path.Combine(directory, file);
                using var assetManifest = ReadJson(path);
                assets.Add(assetManifest.RootElement, Path.GetDirectoryName(path)!);
            }
        }

        foreach (var artifact in artifacts.EnumerateObject())
        {
            switch (Type(artifact.Value))
            {
                case "aws:cloudformation:stack":
                    ReadStack(directory, artifact.Name, artifact.Value, assets);
                    break;
                case "cdk:cloud-assembly" when Property(artifact.Value, "properties", "directoryName") is { } nested:
                    ReadAssembly(Path.Combine(directory, nested));
                    break;
            }
        }
    }

    private void ReadStack(string directory, string artifactId, JsonElement artifact, AssetIndex assets)
    {
        var displayName = artifact.TryGetProperty("displayName", out var display) && display.ValueKind == JsonValueKind.String ? display.GetString()! : artifactId;
        Stacks.Add(displayName);
        if (Property(artifact, "properties", "templateFile") is not { } templateFile)
        {
            return;
        }

        var templatePath = Path.Combine(directory, templateFile);
        using var template = ReadJson(templatePath);
        if (!template.RootElement.TryGetProperty("Resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var paths = ConstructPaths(artifact);
        var region = artifact.TryGetProperty("environment", out var environment) && environment.ValueKind == JsonValueKind.String
            && environment.GetString()!.Split('/').LastOrDefault() is { Length: > 0 } r && r != "unknown-region" ? r : null;
        var context = new TemplateContext(Path.GetRelativePath(_root, templatePath), Path.GetDirectoryName(templatePath)!, resources, paths, assets, region);
        foreach (var resource in resources.EnumerateObject())
        {
            switch (Type(resource.Value, "Type"))
            {
                case "AWS::Lambda::Function":
                    ReadFunction(context, resource.Name, resource.Value);
                    break;
                case "AWS::CloudFormation::Stack":
                    Notes.Add($"{NameOf(context, resource.Name)}: nested stack in {context.Template} not read (the lab reads top-level stacks of each stage).");
                    break;
            }
        }
    }

    private void ReadFunction(TemplateContext context, string logicalId, JsonElement resource)
    {
        var name = NameOf(context, logicalId);
        var properties = resource.TryGetProperty("Properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? runtime = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("Runtime", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;

        string? Skip(string reason)
        {
            Skipped.Add(new SkippedFunction(name, logicalId, runtime, reason));
            return null;
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            Skip("the resource has no Properties");
            return;
        }

        var code = properties.TryGetProperty("Code", out var c) ? c : default;
        if ((properties.TryGetProperty("PackageType", out var packageType) && packageType.ValueKind == JsonValueKind.String && packageType.GetString() == "Image")
            || (code.ValueKind == JsonValueKind.Object && code.TryGetProperty("ImageUri", out _)))
        {
            Skip("container image (PackageType Image): the lab runs zip functions on a local interpreter");
            return;
        }

        if (properties.TryGetProperty("Runtime", out var runtimeValue) && runtimeValue.ValueKind != JsonValueKind.String)
        {
            Skip("its Runtime is a CloudFormation expression, not a literal");
            return;
        }

        if (runtime is null)
        {
            Skip("no Runtime");
            return;
        }

        if (!runtime.StartsWith("python", StringComparison.Ordinal))
        {
            Skip($"not a Python runtime ({runtime})");
            return;
        }

        if (LocalPython.MinorVersionOf(runtime) is not { } version || LocalPython.Minor(version) < 8)
        {
            Skip($"{runtime} is not supported: the lab runs python3.8 and newer");
            return;
        }

        if (!properties.TryGetProperty("Handler", out var handlerValue) || handlerValue.ValueKind != JsonValueKind.String)
        {
            Skip("its Handler is missing or a CloudFormation expression");
            return;
        }

        if (code.ValueKind != JsonValueKind.Object)
        {
            Skip("no Code");
            return;
        }

        if (code.TryGetProperty("ZipFile", out _))
        {
            Skip("inline code (Code.ZipFile), not a local asset");
            return;
        }

        var codePath = context.AssetPath(resource, "Code", code);
        if (codePath.Path is null)
        {
            Skip(codePath.WhyNot!);
            return;
        }

        var layers = new List<string>();
        var nonLocalLayers = new List<string>();
        if (properties.TryGetProperty("Layers", out var layerList) && layerList.ValueKind == JsonValueKind.Array)
        {
            foreach (var layer in layerList.EnumerateArray())
            {
                if (layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("Ref", out var reference) && reference.GetString() is { } layerId
                    && context.Resources.TryGetProperty(layerId, out var layerResource) && Type(layerResource, "Type") == "AWS::Lambda::LayerVersion"
                    && layerResource.TryGetProperty("Properties", out var layerProperties) && layerProperties.TryGetProperty("Content", out var content))
                {
                    var located = context.AssetPath(layerResource, "Content", content);
                    if (located.Path is not null)
                    {
                        layers.Add(located.Path);
                        continue;
                    }

                    nonLocalLayers.Add($"{NameOf(context, layerId)} ({located.WhyNot})");
                    continue;
                }

                nonLocalLayers.Add(layer.ValueKind == JsonValueKind.String ? layer.GetString()! : layer.GetRawText());
            }
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        if (properties.TryGetProperty("Environment", out var environmentValue) && environmentValue.ValueKind == JsonValueKind.Object
            && environmentValue.TryGetProperty("Variables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in variables.EnumerateObject())
            {
                if (variable.Value.ValueKind == JsonValueKind.String)
                {
                    environment[variable.Name] = variable.Value.GetString()!;
                }
                else
                {
                    unresolved.Add(variable.Name);
                }
            }
        }

        Functions.Add(new LambdaFunction
        {
            Name = name,
            LogicalId = logicalId,
            Template = context.Template,
            Runtime = runtime,
            Handler = handlerValue.GetString()!,
            CodePath = codePath.Path,
            LayerPaths = layers,
            NonLocalLayers = nonLocalLayers,
            Environment = environment,
            UnresolvedEnvironment = unresolved,
            FunctionName = properties.TryGetProperty("FunctionName", out var functionName) && functionName.ValueKind == JsonValueKind.String ? functionName.GetString() : null,
            MemoryMb = Integer(properties, "MemorySize") ?? 128,
            TimeoutSeconds = Integer(properties, "Timeout") ?? 3,
            Region = context.Region,
        });
    }

    /// <summary>Construct paths by logical id, from the stack artifact's <c>aws:cdk:logicalId</c> metadata.</summary>
    private static Dictionary<string, string> ConstructPaths(JsonElement artifact)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!artifact.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return paths;
        }

        foreach (var entry in metadata.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in entry.Value.EnumerateArray())
            {
                if (Type(item) == "aws:cdk:logicalId" && item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
                {
                    paths.TryAdd(data.GetString()!, entry.Name);
                }
            }
        }

        return paths;
    }

    /// <summary>The construct path without the leading slash and the L1's trailing <c>/Resource</c>; else the logical id.</summary>
    private static string NameOf(TemplateContext context, string logicalId)
    {
        var path = context.Paths.TryGetValue(logicalId, out var fromManifest) ? fromManifest
            : context.Resources.TryGetProperty(logicalId, out var resource) && resource.TryGetProperty("Metadata", out var metadata)
              && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("aws:cdk:path", out var cdkPath) && cdkPath.ValueKind == JsonValueKind.String
                ? cdkPath.GetString()!
                : null;
        if (path is null)
        {
            return logicalId;
        }

        path = path.TrimStart('/');
        return path.EndsWith("/Resource", StringComparison.Ordinal) ? path[..^"/Resource".Length] : path;
    }

    private static int? Integer(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : properties.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number
        : null;

    private static string? Type(JsonElement element, string property = "type") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static string? Property(JsonElement element, string outer, string inner) =>
        element.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var i) && i.ValueKind == JsonValueKind.String
            ? i.GetString()
            : null;

    private JsonDocument ReadJson(string path)
    {
        var shown = Path.GetRelativePath(Path.GetDirectoryName(_root) ?? _root, path);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CloudAssemblyException($"cannot read '{shown}': {e.Message} (expected a file of the cloud assembly; run `cdk synth` again).", e);
        }
        catch (JsonException e)
        {
            throw new CloudAssemblyException($"'{shown}' is not valid JSON ({e.Message}); run `cdk synth` again.", e);
        }
    }
}
