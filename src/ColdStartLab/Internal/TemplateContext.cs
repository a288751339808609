using System.Text.Json;

namespace ColdStart.Lab.Internal;

/// <summary>One stack template being read, with what is needed to name its resources and find their assets.</summary>
internal sealed class TemplateContext(string template, string directory, JsonElement resources, IReadOnlyDictionary<string, string> paths, AssetIndex assets, string? region)
{
    /// <summary>The template file, relative to the root assembly.</summary>
    public string Template { get; } = template;

    public JsonElement Resources { get; } = resources;

    public IReadOnlyDictionary<string, string> Paths { get; } = paths;

    public string? Region { get; } = region;

    /// <summary>
    /// The local file or folder of a resource's asset property (a function's <c>Code</c>, a layer's <c>Content</c>):
    /// from the resource's <c>aws:asset:path</c> metadata when present (the CDK CLI adds it), else by finding an
    /// asset id of the assembly's asset manifests in the property's <c>S3Key</c>.
    /// </summary>
    public (string? Path, string? WhyNot) AssetPath(JsonElement resource, string property, JsonElement value)
    {
        if (resource.TryGetProperty("Metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("aws:asset:path", out var assetPath) && assetPath.ValueKind == JsonValueKind.String
            && (!metadata.TryGetProperty("aws:asset:property", out var assetProperty) || assetProperty.GetString() == property))
        {
            return Exists(Path.GetFullPath(Path.Combine(directory, assetPath.GetString()!)));
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("S3Key", out var key))
        {
            return (null, $"no {property}.S3Key and no aws:asset:path metadata: not a local asset");
        }

        var keyText = key.GetRawText();
        foreach (var id in assets.Ids)
        {
            if (keyText.Contains(id, StringComparison.Ordinal) && assets.TryGet(id, out var path))
            {
                return path is null ? (null, $"asset {id} is built by a command at publish time, not a local file") : Exists(path);
            }
        }

        var bucket = value.TryGetProperty("S3Bucket", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        return (null, key.ValueKind == JsonValueKind.String && bucket is not null
            ? $"code in S3 (s3://{bucket}/{key.GetString()}), not a local asset"
            : "code in S3, not a local asset");
    }

    private static (string? Path, string? WhyNot) Exists(string path) =>
        File.Exists(path) || Directory.Exists(path) ? (path, null) : (null, $"its asset '{path}' is missing (run `cdk synth` again)");
}
