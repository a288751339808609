using System.Text;
using ColdStart.Analysis.Tests.Support;
using CsCheck;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Random import forests printed exactly as CPython prints them, with noise between rows, must be rebuilt.</summary>
public class ImportForestPropertyTests
{
    private sealed record Module(string Name, long Self, long Cumulative, bool Cached, List<Module> Children);

    private enum Noise
    {
        None,
        Blank,
        UserText,
        ControlBytes,
    }

    /// <summary>One generated row: how deep relative to the previous (preorder), self µs, rounding jitter, cached, noise after it.</summary>
    private static readonly Gen<(int Step, long Self, int Jitter, bool Cached, Noise Noise, string Text)> RowGen =
        Gen.Select(Gen.Int[0, 5], Gen.Long[1, 2_000_000], Gen.Int[-1, 1], Gen.Int[0, 9].Select(i => i == 0), Gen.Int[0, 7].Select(i => (Noise)Math.Min(i, 4) switch
        {
            Noise n when (int)n <= 3 => n,
            _ => Noise.None,
        }), Gen.Int[0, 25].Array[0, 30].Select(chars => new string(chars.Select(c => "abcdef ghij|:=-_0123456789."[c]).ToArray())));

    private static List<Module> BuildForest((int Step, long Self, int Jitter, bool Cached, Noise Noise, string Text)[] rows, bool withCached)
    {
        var roots = new List<Module>();
        var path = new List<Module>();
        for (var i = 0; i < rows.Length; i++)
        {
            var depth = Math.Min(rows[i].Step, path.Count);
            path.RemoveRange(depth, path.Count - depth);
            // a cached row is a leaf whose padded name tells its depth: depth >= 2 and a 2-char name
            var cached = withCached && rows[i].Cached && depth >= 2 && (i + 1 == rows.Length || rows[i + 1].Step <= depth);
            var module = new Module(cached ? $"c{i % 10}" : $"m{i}" + (i % 3 == 0 ? $".sub{i}" : ""), cached ? 0 : rows[i].Self, 0, cached, []);
            (depth == 0 ? roots : path[^1].Children).Add(module);
            path.Add(module);
        }

        return roots.Select(r => WithCumulative(r, rows)).ToList();
    }

    private static Module WithCumulative(Module module, (int Step, long Self, int Jitter, bool Cached, Noise Noise, string Text)[] rows)
    {
        if (module.Cached)
        {
            return module;
        }

        var children = module.Children.Select(c => WithCumulative(c, rows)).ToList();
        // CPython rounds each number up separately: the sum may be off by a µs either way
        var jitter = rows[Math.Abs(module.Name.GetHashCode()) % rows.Length].Jitter;
        var cumulative = Math.Max(module.Self, module.Self + children.Sum(c => c.Cumulative) + jitter);
        return module with { Cumulative = cumulative, Children = children };
    }

    private static IEnumerable<(Module Module, int Depth)> PostOrder(IEnumerable<Module> modules, int depth)
    {
        foreach (var module in modules)
        {
            foreach (var child in PostOrder(module.Children, depth + 1))
            {
                yield return child;
            }

            yield return (module, depth);
        }
    }

    private static (string Text, int UserLines, int ControlLines) Print(List<Module> forest, (int Step, long Self, int Jitter, bool Cached, Noise Noise, string Text)[] rows)
    {
        var text = new StringBuilder(ImportTimeText.Header).Append('\n');
        int user = 0, control = 0, i = 0;
        foreach (var (module, depth) in PostOrder(forest, 0))
        {
            text.Append(module.Cached ? ImportTimeText.CachedRow(depth, module.Name) : ImportTimeText.Row(module.Self, module.Cumulative, depth, module.Name)).Append('\n');
            var row = rows[i++ % rows.Length];
            switch (row.Noise)
            {
                case Noise.Blank:
                    text.Append('\n');
                    user++;
                    break;
                case Noise.UserText:
                    text.Append("user: ").Append(row.Text).Append('\n');
                    user++;
                    break;
                case Noise.ControlBytes:
                    text.Append("\u0001\u0002").Append(row.Text).Append('\n');
                    control++;
                    break;
            }
        }

        return (text.ToString(), user, control);
    }

    private static void AssertSameForest(IReadOnlyList<Module> expected, IReadOnlyList<ImportNode> actual, int depth, ImportNode? parent)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Name, e.Self, e.Cumulative, e.Cached, depth), (a.Name, a.SelfMicros, a.CumulativeMicros, a.Cached, a.Depth));
            Assert.Same(parent, a.Parent);
            AssertSameForest(e.Children, a.Children, depth + 1, a);
        }
    }

    [Fact]
    public void Printed_forest_with_noise_between_rows_is_rebuilt_exactly()
    {
        RowGen.Array[1, 80].Sample(rows =>
        {
            var forest = BuildForest(rows, withCached: false);
            var (text, userLines, controlLines) = Print(forest, rows);

            var result = Support.Parse.Text(text);

            var coldStart = Assert.Single(result.ColdStarts);
            AssertSameForest(forest, coldStart.Roots, 0, null);
            Assert.Equal(controlLines, result.Skipped.Total);
            Assert.Equal(userLines, result.LinesIgnored);
            Assert.Equal(rows.Length + 1, result.LinesUsed);
            Assert.All(coldStart.AllImports, n => Assert.Equal(ImportPhase.Init, n.Phase));
        }, iter: 300);
    }

    [Fact]
    public void Printed_forest_with_cached_rows_of_python_3_14_is_rebuilt_exactly()
    {
        RowGen.Array[1, 80].Sample(rows =>
        {
            var forest = BuildForest(rows, withCached: true);
            var (text, _, _) = Print(forest, rows);

            var coldStart = Assert.Single(Support.Parse.Text(text).ColdStarts);

            AssertSameForest(forest, coldStart.Roots, 0, null);
        }, iter: 300);
    }

    [Fact]
    public void Forests_of_two_cold_starts_in_one_output_stay_apart()
    {
        Gen.Select(RowGen.Array[1, 40], RowGen.Array[1, 40]).Sample((first, second) =>
        {
            var (a, b) = (BuildForest(first, false), BuildForest(second, false));

            var result = Support.Parse.Text(Print(a, first).Text + Print(b, second).Text);

            Assert.Equal(2, result.ColdStarts.Count);
            AssertSameForest(a, result.ColdStarts[0].Roots, 0, null);
            AssertSameForest(b, result.ColdStarts[1].Roots, 0, null);
        }, iter: 100);
    }
}
