using System.Text;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Interns names (modules, streams, request ids) read as UTF-8 bytes, so a repeated name costs no allocation.</summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private char[] _scratch = new char[256];
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_scratch.Length < utf8.Length)
        {
            _scratch = new char[utf8.Length * 2];
        }

        var length = Encoding.UTF8.GetChars(utf8, _scratch);
        return Get(_scratch.AsSpan(0, length));
    }

    public string Get(ReadOnlySpan<char> chars)
    {
#if NET9_0_OR_GREATER
        if (_lookup.TryGetValue(chars, out var name))
#else
        // .NET 8 has no span lookup: the key is allocated to look it up (the net8.0 build is for CDK apps' tests, not bulk parsing).
        if (_names.TryGetValue(chars.ToString(), out var name))
#endif
        {
            return name;
        }

        name = chars.ToString();
        _names.Add(name, name);
        return name;
    }
}
