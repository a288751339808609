using System.Text;
using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>Import chains of any depth: nothing in the analyser recurses, and nothing grows with the square of the depth.</summary>
public class DeepTreeTests
{
    private const int Levels = 10_000;

    /// <summary>
    /// CPython's output for a chain m0 → m1 → … → m9999: the deepest module finishes first, each row indented 2 spaces per
    /// level, each cumulative = its own 1 µs + its child's. Generated line by line (the indentation alone is ~100 MB).
    /// </summary>
    private sealed class ChainLog : Stream
    {
        private readonly int _levels;
        private int _next;
        private byte[] _pending;
        private int _offset;

        public ChainLog(int levels)
        {
            _levels = levels;
            _next = levels - 1;
            _pending = Encoding.UTF8.GetBytes(ImportTimeText.Header + "\n");
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_next < 0)
                {
                    return 0;
                }

                var depth = _next--;
                _pending = Encoding.UTF8.GetBytes(ImportTimeText.Row(1, _levels - depth, depth, $"m{depth}") + "\n");
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_chain_of_ten_thousand_imports_is_parsed_and_reported()
    {
        var result = LogParser.Parse([new LogSource("chain.log", () => new ChainLog(Levels))]);

        var coldStart = Assert.Single(result.ColdStarts);
        Assert.Equal(0, result.Skipped.Total);
        Assert.Equal(Levels, coldStart.AllImports.Count());
        var deepest = coldStart.AllImports.Last();
        Assert.Equal(("m9999", Levels - 1, ModuleClass.ThirdParty), (deepest.Name, deepest.Depth, deepest.Class));
        Assert.Equal(Levels, coldStart.InitImportMicros);

        var report = ImportTimeReport.Build(result, new ReportOptions { Top = 3 });

        Assert.Equal(Levels / 1000.0, report.MedianInitImportMs);
        Assert.Equal("m0", report.TopByCumulative[0].Name);
        var node = Assert.Single(report.Tree);
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = Assert.Single(node.Children);
            depth++;
        }

        Assert.Equal((Levels - 1, "m9999", Levels - 1), (depth, node.Name, node.Depth));
        Assert.EndsWith("m9997/m9998/m9999", node.Path);
    }

    [Fact]
    public void Tree_filters_work_on_a_deep_chain()
    {
        var result = LogParser.Parse([new LogSource("chain.log", () => new ChainLog(Levels))]);

        var report = ImportTimeReport.Build(result, new ReportOptions { ModulePrefix = "m9999" });

        // the matching leaf and every ancestor that leads to it
        var node = Assert.Single(report.Tree);
        var count = 1;
        while (node.Children.Count > 0)
        {
            node = Assert.Single(node.Children);
            count++;
        }

        Assert.Equal((Levels, "m9999"), (count, node.Name));
        var shallow = Assert.Single(ImportTimeReport.Build(result, new ReportOptions { MaxDepth = 4 }).Tree);
        Assert.Equal(4, Depth(shallow));
    }

    private static int Depth(TreeNode node)
    {
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = node.Children[0];
            depth++;
        }

        return depth;
    }
}
