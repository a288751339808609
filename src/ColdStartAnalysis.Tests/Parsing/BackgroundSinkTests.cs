using ColdStart.Analysis.Parsing.Internal;
using ColdStart.Analysis.Tests.Support;

namespace ColdStart.Analysis.Tests.Parsing;

/// <summary>The sink that aggregates on a second thread: same order, bounded rows, failures surface.</summary>
public class BackgroundSinkTests
{
    private static string Log(int coldStarts) => string.Join("\n", Enumerable.Range(0, coldStarts).Select(i => string.Join("\n",
        ImportTimeText.Header,
        ImportTimeText.Row(10 + i, 10 + i, 1, "_json"),
        ImportTimeText.Row(100 + i, 110 + (2 * i), 0, "json")))) + "\n";

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void The_inner_sink_gets_every_cold_start_in_the_parser_s_order_with_its_own_rows(long synchronousRows)
    {
        // 0: every cold start goes over to the thread; 301: the first 150 are read on the parser's thread, then it starts
        var inner = new RecordingSink();
        using (var background = new BackgroundSink(inner, synchronousRows))
        {
            LogParser.Run([LogSource.FromText("runs.log", Log(500))], null, background, () => [], () => []);
            background.Complete();
        }

        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), inner.Sequences);

        // the rows read with each cold start are its own, though the parser refilled other row sets meanwhile
        Assert.Equal(Enumerable.Range(0, 500).Select(i => 110L + (2 * i)), inner.RootCumulative);
        Assert.Equal(synchronousRows == 0 ? 0 : 150, inner.ReadOnTheParserThread);
    }

    [Fact]
    public void A_small_log_is_read_on_one_thread()
    {
        var inner = new RecordingSink();
        using (var background = new BackgroundSink(inner))
        {
            LogParser.Run([LogSource.FromText("runs.log", Log(500))], null, background, () => [], () => []);
            background.Complete();
        }

        Assert.Equal(500, inner.ReadOnTheParserThread);
    }

    [Fact]
    public void A_failure_of_the_inner_sink_is_thrown_by_Complete_or_by_the_parser()
    {
        var background = new BackgroundSink(new FailingSink(), synchronousRows: 0);
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            LogParser.Run([LogSource.FromText("runs.log", Log(50))], null, background, () => [], () => []);
            background.Complete();
        });

        Assert.Equal("inner sink failed", thrown.Message);
        background.Dispose();
    }

    [Fact]
    public void A_failure_found_when_completing_still_stops_the_thread()
    {
        // the inner sink fails on the last cold starts, which are handed over only by Complete: Complete throws, and the
        // thread is stopped (Dispose returns, and a second Complete has nothing left to do)
        var inner = new FailingSink(after: 3);
        var background = new BackgroundSink(inner, synchronousRows: 0);
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            LogParser.Run([LogSource.FromText("runs.log", Log(5))], null, background, () => [], () => []);
            background.Complete();
        });

        Assert.Equal("inner sink failed", thrown.Message);
        background.Dispose();
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public void A_refused_input_stops_the_parse_and_the_thread()
    {
        var inner = new RecordingSink();
        var background = new BackgroundSink(inner, synchronousRows: 0);
        var cut = "{\"events\": [{\"logStreamName\": \"s\", \"timestamp\": 1, \"message\": \"x\"";

        Assert.Throws<LogSourceException>(() => LogParser.Run([LogSource.FromText("runs.log", Log(20)), LogSource.FromText("cut.json", cut)], null, background, () => [], () => []));
        background.Dispose();

        // every cold start closed before the break was read (the last one of the first input closes only at the end)
        Assert.Equal(Enumerable.Range(0, 19).Select(i => (long)i), inner.Sequences);
    }

    private sealed class RecordingSink : IColdStartSink
    {
        private readonly int _parserThread = Environment.CurrentManagedThreadId;

        public List<long> Sequences { get; } = [];

        public int ReadOnTheParserThread { get; private set; }

        public List<long> RootCumulative { get; } = [];

        public int? FoldAfterRows => null;

        public int? SpillAfterRows => null;

        public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
        {
            Sequences.Add(sequence);
            ReadOnTheParserThread += Environment.CurrentManagedThreadId == _parserThread ? 1 : 0;
            RootCumulative.Add(rows[rows.FirstRoot].CumulativeMicros);
            return rows;
        }

        public void OnInvocation(Invocation invocation)
        {
        }
    }

    private sealed class FailingSink(int after = 0) : IColdStartSink
    {
        public int Calls { get; private set; }

        public int? FoldAfterRows => null;

        public int? SpillAfterRows => null;

        public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
        {
            Calls++;
            return Calls > after ? throw new InvalidOperationException("inner sink failed") : rows;
        }

        public void OnInvocation(Invocation invocation)
        {
        }
    }
}
