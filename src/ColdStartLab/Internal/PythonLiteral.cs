using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ColdStart.Lab.Internal;

/// <summary>
/// Writes values as Python literals for the bootstrap's configuration, which it reads with <c>eval</c> and no
/// builtins: the event arrives as a dict without the bootstrap importing <c>json</c> (that import would be a row in
/// the profile the function never made).
/// </summary>
internal static class PythonLiteral
{
    public static string String(string value)
    {
        var o = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': o.Append(@"\\"); break;
                case '"': o.Append("\\\""); break;
                case '\n': o.Append(@"\n"); break;
                case '\r': o.Append(@"\r"); break;
                case '\t': o.Append(@"\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        o.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, value[++i]):x8}");
                    }
                    else if (c is < ' ' or > '~')
                    {
                        o.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        o.Append(c);
                    }

                    break;
            }
        }

        return o.Append('"').ToString();
    }

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    /// <summary>A JSON document as the equal Python value (what <c>json.loads</c> would return).</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string FromJson(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var o = new StringBuilder();
        Write(document.RootElement, o);
        return o.ToString();
    }

    private static void Write(JsonElement element, StringBuilder o)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                o.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    o.Append(first ? "" : ", ").Append(String(property.Name)).Append(": ");
                    Write(property.Value, o);
                    first = false;
                }

                o.Append('}');
                break;
            case JsonValueKind.Array:
                o.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    o.Append(index++ == 0 ? "" : ", ");
                    Write(item, o);
                }

                o.Append(']');
                break;
            case JsonValueKind.String:
                o.Append(String(element.GetString()!));
                break;
            case JsonValueKind.Number:
                // JSON number syntax is valid Python syntax; json.loads makes a float exactly when there is a '.', 'e' or 'E'.
                o.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                o.Append("True");
                break;
            case JsonValueKind.False:
                o.Append("False");
                break;
            default:
                o.Append("None");
                break;
        }
    }
}
