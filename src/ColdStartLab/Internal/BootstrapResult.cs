using System.Text;

namespace ColdStart.Lab.Internal;

/// <summary>The bootstrap's result file: one <c>key TAB value</c> line each, values escaped (<c>\\ \n \t \r</c>).</summary>
internal sealed class BootstrapResult
{
    private readonly List<(string Key, string Value)> _fields;

    private BootstrapResult(List<(string Key, string Value)> fields) => _fields = fields;

    public static BootstrapResult? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                fields.Add((line[..tab], Unescape(line[(tab + 1)..])));
            }
        }

        return new BootstrapResult(fields);
    }

    public string? this[string key] => _fields.LastOrDefault(f => f.Key == key).Value;

    public IReadOnlyList<string> All(string key) => _fields.Where(f => f.Key == key).Select(f => f.Value).ToList();

    private static string Unescape(string value)
    {
        if (!value.Contains('\\'))
        {
            return value;
        }

        var o = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                o.Append(value[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
            }
            else
            {
                o.Append(value[i]);
            }
        }

        return o.ToString();
    }
}
