using System.Text.Json;

namespace ColdStart.Lab.Internal;

/// <summary>The file assets of one assembly folder, from its <c>*.assets.json</c> manifests: id, local path, and whether it is a folder.</summary>
internal sealed class AssetIndex
{
    private readonly Dictionary<string, (string? Path, bool IsFolder)> _assets = new(StringComparer.Ordinal);

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
            var path = source.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? Path.GetFullPath(Path.Combine(directory, p.GetString()!)) : null;
            var isFolder = source.TryGetProperty("packaging", out var packaging) && packaging.ValueKind == JsonValueKind.String && packaging.GetString() == "zip";
            _assets.TryAdd(file.Name, (path, isFolder));
        }
    }

    public bool TryGet(string id, out string? path, out bool isFolder)
    {
        if (_assets.TryGetValue(id, out var asset))
        {
            (path, isFolder) = asset;
            return true;
        }

        path = null;
        isFolder = false;
        return false;
    }
}
