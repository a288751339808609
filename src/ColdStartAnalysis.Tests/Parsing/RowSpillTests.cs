using ColdStart.Analysis.Parsing.Internal;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>The temporary file quiet environments' rows wait in. (That reports read through it hold the same figures is
/// shown by <see cref="Support.ReportEquivalence"/>, which runs every equivalence test with every environment spilled.)</summary>
public class RowSpillTests
{
    [Fact]
    public void What_is_written_is_read_back_at_its_offset()
    {
        using var spill = RowSpill.TryCreate();
        Assert.NotNull(spill);
        var first = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var second = Enumerable.Range(0, 3).Select(i => (byte)(200 + i)).ToArray();

        var at1 = spill.TryWrite(first);
        var at2 = spill.TryWrite(second);

        Assert.Equal((0L, 100_000L), (at1, at2));
        var back = new byte[second.Length];
        spill.Read(at2!.Value, back);
        Assert.Equal(second, back);
        back = new byte[first.Length];
        spill.Read(at1!.Value, back);
        Assert.Equal(first, back);
        Assert.Contains("could not be read back", Assert.Throws<LogSourceException>(() => spill.Read(at2.Value, new byte[10])).Message);
    }

    [Fact]
    public void The_file_leaves_nothing_in_the_temporary_directory()
    {
        var pattern = $"coldstart-{Environment.ProcessId}-*.rows";
        var before = Directory.GetFiles(Path.GetTempPath(), pattern).Length;

        using (var spill = RowSpill.TryCreate())
        {
            Assert.NotNull(spill);
            spill.TryWrite(new byte[4096]);

            // on Linux and macOS it is unlinked as soon as it is open: nothing is left even if the process is killed
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), pattern).Length);
            }
        }

        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), pattern).Length);
    }
}
