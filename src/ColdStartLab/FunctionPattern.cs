namespace ColdStart.Lab;

/// <summary>
/// A <c>--function</c> pattern. It matches a function whose logical id it matches whole, or whose construct path
/// holds a run of whole segments it matches: <c>Lazy</c>, <c>Orders/Lazy</c> and <c>Dev/*/Lazy/Function</c> all match
/// <c>Dev/Orders/Lazy/Function</c>. In each segment <c>*</c> stands for any characters and <c>?</c> for one; case matters.
/// </summary>
public sealed class FunctionPattern
{
    private readonly string[] _segments;

    /// <summary>Parses a pattern.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or has an empty segment.</exception>
    public FunctionPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        _segments = pattern.Trim('/').Split('/');
        if (pattern.Trim('/').Length == 0 || _segments.Any(s => s.Length == 0))
        {
            throw new ArgumentException($"--function '{pattern}' is not a construct path or logical id (expected e.g. Dev/Orders/Lazy or LazyFunctionE33AEE0F).", nameof(pattern));
        }
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>Whether the pattern matches a function with this construct path (or name) and logical id.</summary>
    public bool Matches(string path, string? logicalId)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (logicalId is not null && _segments.Length == 1 && Glob(_segments[0], logicalId))
        {
            return true;
        }

        var parts = path.Split('/');
        for (var start = 0; start + _segments.Length <= parts.Length; start++)
        {
            var all = true;
            for (var i = 0; i < _segments.Length && all; i++)
            {
                all = Glob(_segments[i], parts[start + i]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative wildcard match with one backtrack point: linear enough for names of a few dozen characters.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
