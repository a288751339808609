using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>What to do with a timestamped line of a log stream.</summary>
internal enum EventVerdict
{
    /// <summary>A line not read before: use it.</summary>
    New,

    /// <summary>The same line (stream, timestamp, text) was read from an earlier input: drop it.</summary>
    Duplicate,

    /// <summary>Older than lines already read in its stream and not one of them: the input is out of time order.</summary>
    OutOfOrder,
}

/// <summary>
/// Drops the lines of events that overlapping inputs share, in memory bounded by the overlap. Inputs are read in order of
/// their first timestamp; within a stream, events come in time order. A line older than the newest one earlier inputs had
/// in its stream is looked up by a 128-bit fingerprint of (stream, timestamp, text); fingerprints are kept only for lines at
/// or after the first timestamp of the next input (the only ones a later input can repeat) and forgotten once no input
/// still to come can reach them. Fingerprints are counted, so a line that legitimately occurs twice in one millisecond
/// is kept twice.
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly Dictionary<UInt128, Entry> _entries = [];
    private readonly XxHash128 _hash = new();
    private int _input = -1;
    private long _keepFrom = long.MaxValue;

    /// <summary>Fingerprints held now (for tests of the memory bound).</summary>
    public int Fingerprints => _entries.Count;

    /// <param name="input">Position of the input in reading order.</param>
    /// <param name="firstMillis">Its first timestamp, when known: older fingerprints can no longer match anything.</param>
    /// <param name="nextFirstMillis">The first timestamp of the next input (long.MaxValue when none): keep fingerprints from there.</param>
    public void BeginInput(int input, long? firstMillis, long nextFirstMillis)
    {
        _input = input;
        _keepFrom = nextFirstMillis;
        if (firstMillis is { } first && _entries.Count > 0)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Millis < first)
                {
                    _entries.Remove(key);
                }
            }
        }
    }

    public EventVerdict Admit(StreamState stream, long millis, ReadOnlySpan<byte> line)
    {
        if (stream.Input != _input)
        {
            stream.Input = _input;
            stream.EarlierInputsLastMillis = stream.LastMillis;
        }

        if (millis > stream.EarlierInputsLastMillis)
        {
            if (millis < stream.LastMillis)
            {
                return EventVerdict.OutOfOrder;
            }

            stream.LastMillis = millis;
            if (millis >= _keepFrom)
            {
                Count(Fingerprint(stream.Name, millis, line), millis, create: true);
            }

            return EventVerdict.New;
        }

        // an earlier input reached this far in this stream: this line may be one of its lines
        var fingerprint = Fingerprint(stream.Name, millis, line);
        if (Count(fingerprint, millis, create: millis >= _keepFrom) is true)
        {
            return EventVerdict.Duplicate;
        }

        if (millis < stream.LastMillis)
        {
            return EventVerdict.OutOfOrder;
        }

        stream.LastMillis = millis;
        return EventVerdict.New;
    }

    /// <summary>Counts one more occurrence in the current input; true when earlier inputs had at least that many (a duplicate).</summary>
    private bool? Count(UInt128 fingerprint, long millis, bool create)
    {
        var exists = true;
        ref var entry = ref create
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, fingerprint, out exists)
            : ref CollectionsMarshal.GetValueRefOrNullRef(_entries, fingerprint);
        if (Unsafe.IsNullRef(ref entry))
        {
            return null;
        }

        if (!exists)
        {
            entry = new Entry { Millis = millis, Input = _input };
        }
        else if (entry.Input != _input)
        {
            entry.SeenEarlier = Math.Max(entry.SeenEarlier, entry.Occurrences);
            entry.Occurrences = 0;
            entry.Input = _input;
        }

        return entry.Occurrences++ < entry.SeenEarlier;
    }

    private UInt128 Fingerprint(string stream, long millis, ReadOnlySpan<byte> line)
    {
        Span<byte> header = stackalloc byte[12];
        BitConverter.TryWriteBytes(header, millis);
        BitConverter.TryWriteBytes(header[8..], stream.Length);
        _hash.Reset();
        _hash.Append(header);
        _hash.Append(MemoryMarshal.AsBytes(stream.AsSpan()));
        _hash.Append(line);
        return _hash.GetCurrentHashAsUInt128();
    }

    private struct Entry
    {
        public long Millis;
        public int Input;
        public int Occurrences;
        public int SeenEarlier;
    }
}
