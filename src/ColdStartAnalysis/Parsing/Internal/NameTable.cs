using System.Text;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Interns names (modules, streams, request ids) read as UTF-8 bytes, so a repeated name costs no allocation. Each name has
/// a dense id too: open cold starts keep ids in their rows (<see cref="OpenRow"/>), not references.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private char[] _scratch = new char[256];
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    /// <summary>The name of an id <see cref="IdOf(ReadOnlySpan{byte})"/> gave.</summary>
    public string this[int id] => _names[id];

    public string Get(ReadOnlySpan<byte> utf8) => _names[IdOf(utf8)];

    public string Get(ReadOnlySpan<char> chars) => _names[IdOf(chars)];

    public int IdOf(ReadOnlySpan<byte> utf8)
    {
        if (_scratch.Length < utf8.Length)
        {
            _scratch = new char[utf8.Length * 2];
        }

        var length = Encoding.UTF8.GetChars(utf8, _scratch);
        return IdOf(_scratch.AsSpan(0, length));
    }

    public int IdOf(ReadOnlySpan<char> chars)
    {
#if NET9_0_OR_GREATER
        if (_lookup.TryGetValue(chars, out var id))
#else
        // .NET 8 has no span lookup: the key is allocated to look it up (the net8.0 build is for CDK apps' tests, not bulk parsing).
        if (_ids.TryGetValue(chars.ToString(), out var id))
#endif
        {
            return id;
        }

        var name = chars.ToString();
        id = _names.Count;
        _names.Add(name);
        _ids.Add(name, id);
        return id;
    }
}
