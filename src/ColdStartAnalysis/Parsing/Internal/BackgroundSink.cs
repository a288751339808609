using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Runs another sink on its own thread, so aggregating cold starts overlaps parsing on a machine with two cores or more.
/// Cold starts and REPORTs reach the inner sink in the order the parser gives them; the parser gets fresh rows to fill
/// while the inner sink reads the last ones (at most four sets of rows exist, so a slow sink makes the parser wait rather
/// than memory grow). <see cref="Complete"/> waits until the inner sink has read everything and rethrows what it threw.
/// The thread starts only once the cold starts handed over hold more import rows than the threshold given (by default
/// <see cref="DefaultSynchronousRows"/>): a small log is read on one thread and pays nothing for the second.
/// </summary>
internal sealed class BackgroundSink : IColdStartSink, IDisposable
{
    /// <summary>Import rows the inner sink reads on the parser's thread before the second thread starts: about 15 MB of
    /// <c>aws logs tail</c> text, 5 MB of raw <c>-X importtime</c> output.</summary>
    public const long DefaultSynchronousRows = 100_000;

    private const int RowSets = 4;
    private const int BatchSize = 256;

    private readonly IColdStartSink _inner;
    private readonly long _synchronousLimit;
    private readonly BlockingCollection<List<Item>> _batches = new(boundedCapacity: RowSets * 2);
    private readonly BlockingCollection<ColdStartRows> _free = new();
    private readonly BlockingCollection<List<Item>> _emptyBatches = new();
    private Thread? _thread;
    private long _synchronousRows;
    private List<Item> _batch = new(BatchSize);
    private ExceptionDispatchInfo? _failure;
    private bool _joined;

    /// <param name="inner">The sink to run on the second thread.</param>
    /// <param name="synchronousRows">Import rows read on the parser's thread before the second thread starts.</param>
    public BackgroundSink(IColdStartSink inner, long synchronousRows = DefaultSynchronousRows)
    {
        _inner = inner;
        _synchronousLimit = synchronousRows;
    }

    /// <summary>Whether running a sink in the background can pay off here (more than one processor).</summary>
    public static bool Helps => Environment.ProcessorCount > 1;

    public int? FoldAfterRows => _inner.FoldAfterRows;

    public int? SpillAfterRows => _inner.SpillAfterRows;

    public ColdStartRows OnColdStart(ColdStartProfile coldStart, ColdStartRows rows, long sequence)
    {
        if (_thread is null)
        {
            _synchronousRows += rows.Count;
            if (_synchronousRows <= _synchronousLimit)
            {
                return _inner.OnColdStart(coldStart, rows, sequence);
            }

            Start();
        }

        _batch.Add(new Item(coldStart, rows, sequence, null));
        Flush();
        return _free.Take();
    }

    public void OnInvocation(Invocation invocation)
    {
        if (_thread is null)
        {
            _inner.OnInvocation(invocation);
            return;
        }

        _batch.Add(new Item(null, null, 0, invocation));
        if (_batch.Count >= BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Hands over what is left and waits until the inner sink has read it all.</summary>
    public void Complete()
    {
        if (_thread is null)
        {
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            Join();
        }

        _failure?.Throw();
    }

    public void Dispose()
    {
        // after a failed parse: the thread finishes what it has, and it is dropped
        Join();
        _batches.Dispose();
        _free.Dispose();
        _emptyBatches.Dispose();
    }

    private void Join()
    {
        if (_thread is null || _joined)
        {
            return;
        }

        _batches.CompleteAdding();
        _thread.Join();
        _joined = true;
    }

    private void Start()
    {
        for (var i = 1; i < RowSets; i++)
        {
            _free.Add(new ColdStartRows());
        }

        _thread = new Thread(Drain) { IsBackground = true, Name = "coldstart aggregation" };
        _thread.Start();
    }

    private void Flush()
    {
        _failure?.Throw();
        if (_batch.Count == 0)
        {
            return;
        }

        _batches.Add(_batch);
        _batch = _emptyBatches.TryTake(out var empty) ? empty : new List<Item>(BatchSize);
    }

    private void Drain()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    Read(batch);
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            foreach (var item in batch)
            {
                if (item.Rows is { } rows)
                {
                    rows.Shrink();
                    _free.Add(rows);
                }
            }

            batch.Clear();
            _emptyBatches.Add(batch);
        }
    }

    private void Read(List<Item> batch)
    {
        foreach (var item in batch)
        {
            if (item.ColdStart is { } coldStart)
            {
                // the inner sink reads the rows now; they go back to the parser's pool after the batch
                _inner.OnColdStart(coldStart, item.Rows!, item.Sequence);
            }
            else
            {
                _inner.OnInvocation(item.Invocation!);
            }
        }
    }

    private readonly record struct Item(ColdStartProfile? ColdStart, ColdStartRows? Rows, long Sequence, Invocation? Invocation);
}
