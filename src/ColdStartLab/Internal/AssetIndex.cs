using System.Text.Json;

namespace ColdStart.Lab.Internal;

/// <summary>The file assets of one assembly folder, from its <c>*.assets.json</c> manifests: id and local path (a zip file or a folder).</summary>
internal sealed class AssetIndex
{
    private readonly Dictionary<string, string?> _assets = new(StringComparer.Ordinal);

    public IEnumerable<string> Ids => _assets.Keys;

    public void Add(JsonElement manifest, string directory)
    {
        if (!manifest.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var file in files.EnumerateObject())
        {
            if (!file.Value.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // Assets built by a command at publish time ("executable") have no local path.
            _assets.TryAdd(file.Name, source.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? Path.GetFullPath(Path.Combine(directory, p.GetString()!)) : null);
        }
    }

    /// <summary>The asset's local path; false when the id is unknown, null path when it is built by a command at publish time.</summary>
    public bool TryGet(string id, out string? path) => _assets.TryGetValue(id, out path);
}
