using System.Text.Json;

namespace ColdStart.Bench;

/// <summary>
/// Compares a run's JSON output with a saved one (another build's, on the same inputs): every property the saved
/// output has must be in the new one with the same value, written the same way; the new output may add
/// properties (the JSON schema only ever adds fields). Arrays must match element by element.
/// </summary>
internal static class GoldenOutput
{
    /// <summary>The first difference as "path: saved …, now …"; null when the new output holds everything the saved one does.</summary>
    public static string? FirstDifference(string savedFile, string newFile)
    {
        using var saved = JsonDocument.Parse(File.ReadAllBytes(savedFile));
        using var now = JsonDocument.Parse(File.ReadAllBytes(newFile));
        return Difference("$", saved.RootElement, now.RootElement);
    }

    private static string? Difference(string path, JsonElement saved, JsonElement now)
    {
        if (saved.ValueKind != now.ValueKind)
        {
            return $"{path}: saved {Show(saved)}, now {Show(now)}";
        }

        switch (saved.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in saved.EnumerateObject())
                {
                    var difference = now.TryGetProperty(property.Name, out var value)
                        ? Difference($"{path}.{property.Name}", property.Value, value)
                        : $"{path}.{property.Name}: saved {Show(property.Value)}, now missing";
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var (a, b) = (saved.EnumerateArray().ToList(), now.EnumerateArray().ToList());
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    if (Difference($"{path}[{i}]", a[i], b[i]) is { } difference)
                    {
                        return difference;
                    }
                }

                return a.Count == b.Count ? null : $"{path}: saved {a.Count} elements, now {b.Count}";
            default:
                return saved.GetRawText() == now.GetRawText() ? null : $"{path}: saved {Show(saved)}, now {Show(now)}";
        }
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 80 ? text[..77] + "…" : text;
    }
}
