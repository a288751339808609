using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Turns lines into the model: tracks each log stream's state (cold start being built, open request, pending
/// INIT_START facts), places import rows in their forest with their phase, and accounts for every line.
/// </summary>
internal sealed class LogAssembler : IDisposable
{
    private const int MaxMessageNesting = 2;

    // NUL and C0 controls except TAB (9), LF (10), CR (13) and ESC (27, ANSI colours in user output)
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31]);

    private readonly ParseOptions _options;
    private readonly ModuleClassifier _classifier;
    private readonly Dictionary<Version, Dictionary<string, ModuleClass>> _classCache = [];
    private readonly Dictionary<string, ModuleClass> _unknownVersionCache = new(StringComparer.Ordinal);
    private readonly NameTable _names = new();
    private readonly RowChunkPool _rows = new();
    private ColdStartRows _closed = new();
    private readonly Dictionary<string, StreamState> _streams = new(StringComparer.Ordinal);
    private readonly IColdStartSink _sink;
    private readonly int _foldAfterRows;
    private readonly long _spillAfterRows;
    private RowSpill? _spill;
    private bool _spillUnavailable;
    private readonly SkipCounts _skipped = new();
    private readonly IncompleteColdStarts _incomplete = new();
    private readonly EventDeduplicator _dedup = new();
    private long _sequence;
    private long _linesRead;
    private long _linesUsed;
    private long _linesIgnored;

    // per source
    private string _sourceName = "";
    private SourceState _source = new("");
    private PartialInput? _partial;
    private long _sourceLines;
    private readonly byte[] _lastTimestampToken = new byte[19];
    private int _lastTimestampLength = -1;
    private long _lastTimestampMillis;
    private StreamState? _lastTailStream;
    private bool _lastTailDropped;
    private bool _sawTail;
    private bool _sawPlatformText;
    private bool _sawPlatformJson;
    private bool _sawImportRows;
    private bool _sawJsonEvents;
    private bool _sawContent;
    private StreamState? _lastStream;

    /// <param name="options">The parse options.</param>
    /// <param name="sink">Receives each complete cold start when it closes and each REPORT.</param>
    public LogAssembler(ParseOptions options, IColdStartSink sink)
    {
        _options = options;
        _sink = sink;
        _foldAfterRows = sink.FoldAfterRows ?? int.MaxValue;
        _spillAfterRows = sink.SpillAfterRows ?? long.MaxValue;
        _classifier = new ModuleClassifier(options.HandlerModule);
    }

    /// <summary>Absolute byte offset of the line (or JSON event) being handed over, for messages.</summary>
    public long Offset { get; set; }

    /// <param name="name">The input's name.</param>
    /// <param name="input">Its position in reading order.</param>
    /// <param name="firstMillis">Its first event timestamp, when known.</param>
    /// <param name="nextFirstMillis">The first timestamp of the next input in reading order; long.MaxValue when none.</param>
    public void BeginSource(string name, int input, long? firstMillis, long nextFirstMillis)
    {
        _sourceName = name;
        _source = new SourceState(name);
        _partial = null;
        _sourceLines = 0;
        _lastTimestampLength = -1;
        _lastTailStream = null;
        _lastTailDropped = false;
        _sawTail = _sawPlatformText = _sawPlatformJson = _sawImportRows = _sawJsonEvents = _sawContent = false;
        _dedup.BeginInput(input, firstMillis, nextFirstMillis);
    }

    public SourceSummary EndSource(bool jsonDocument, bool compressed)
    {
        var format = jsonDocument || _sawJsonEvents ? InputFormat.CloudWatchJson
            : _sawTail ? InputFormat.AwsLogsTail
            : _sawPlatformJson ? InputFormat.LambdaJson
            : _sawPlatformText ? InputFormat.LambdaText
            : _sawImportRows ? InputFormat.RawImportTime
            : _sawContent ? InputFormat.Unrecognised
            : InputFormat.Empty;
        return new SourceSummary(_sourceName, format, _sourceLines) { Partial = _partial, Compressed = compressed };
    }

    /// <summary>Closes every open cold start (handing it to the sink) and returns the counts; the cold starts and REPORTs
    /// of the result are the ones given (the sink has them).</summary>
    public ParseResult Finish(long bytesRead, IReadOnlyList<SourceSummary> sources, Func<IReadOnlyList<ColdStartProfile>> coldStarts, Func<IReadOnlyList<Invocation>> invocations)
    {
        foreach (var stream in _streams.Values)
        {
            Close(stream);
        }

        return new ParseResult(coldStarts(), invocations(), _linesRead, _linesUsed, _linesIgnored, bytesRead, _skipped, sources, _incomplete);
    }

    /// <summary>
    /// The input broke (a cut or corrupt JSON document or gzip stream). Without <see cref="ParseOptions.AllowPartial"/> the
    /// run stops; with it, the input is marked partial and every cold start of its streams still open ends here (the rules
    /// for incomplete profiles then decide whether it counts).
    /// </summary>
    public void OnBrokenInput(long offset, string reason, Exception? inner = null)
    {
        if (!_options.AllowPartial)
        {
            throw new LogSourceException(
                $"'{_sourceName}': {reason} at byte {offset}: the input is cut off or corrupt (an interrupted download?); export it again, or allow a partial read (--allow-partial) to use what comes before the break.",
                _sourceName, offset, inner);
        }

        _partial ??= new PartialInput(offset, reason);
        foreach (var stream in _streams.Values)
        {
            if (ReferenceEquals(stream.LastSource, _source))
            {
                Close(stream);
                stream.OpenRequestId = null;
                stream.InitOpen = stream.InitStarted = false;
                stream.Child = null;
            }
        }
    }

    public string InternStream(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return _names.Get(reader.GetString()!);
        }

        return InternStream(reader.ValueSpan);
    }

    public void OnOverlongLine() => Count(SkipReason.OverlongLine);

    /// <summary>A JSON export broke: what is left of it is counted line by line as malformed.</summary>
    public void OnMalformedJsonRest(SourceBuffer buffer)
    {
        long lines = 0;
        var pendingText = false;
        while (true)
        {
            var window = buffer.Window;
            lines += window.Count((byte)'\n');
            if (window.Length > 0)
            {
                pendingText = window[^1] != (byte)'\n';
            }

            buffer.DiscardWindow();
            if (buffer.Eof)
            {
                break;
            }

            buffer.Fill();
        }

        lines = Math.Max(1, lines + (pendingText ? 1 : 0));
        _linesRead += lines;
        _sourceLines += lines;
        _skipped.Add(SkipReason.MalformedJson, lines);
    }

    /// <summary>A CloudWatch Logs Insights result: refused, its order within a millisecond is lost (see docs/analysis.md).</summary>
    public void OnInsightsResult(string shape) => throw InsightsRefusal(_sourceName, shape, Offset);

    public static LogSourceException InsightsRefusal(string source, string shape, long offset) => new(
        $"'{source}' is a CloudWatch Logs Insights result ({shape}): its rows are sorted by time at millisecond precision and capped at 10,000 a query, so the order of lines logged in the same millisecond is lost; export the log events instead: aws logs filter-log-events --log-group-name /aws/lambda/FUNCTION --start-time MS --output json > events.json (or aws logs tail /aws/lambda/FUNCTION --since 1h > events.log).",
        source, offset);

    /// <summary>One event of a JSON export; its message may hold several lines.</summary>
    public void OnEvent(ReadOnlySpan<byte> message, string? stream, long? millis, string? timestampText)
    {
        var time = millis is { } ms && ms is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : timestampText is not null ? TailPrefix.ParseTimestamp(Encoding.UTF8.GetBytes(timestampText))
            : null;
        OnMessage(message, stream, time, 1, ordered: true);
    }

    /// <param name="message">The event's text.</param>
    /// <param name="stream">Its stream; null for the source's.</param>
    /// <param name="time">Its timestamp.</param>
    /// <param name="nesting">How deep in JSON the message is.</param>
    /// <param name="ordered">The message is a CloudWatch event: its timestamp orders and deduplicates its lines (not an
    /// application's own timestamp in a JSON log line, which can be older than the event that carries it).</param>
    private void OnMessage(ReadOnlySpan<byte> message, string? stream, DateTimeOffset? time, int nesting, bool ordered)
    {
        // a trailing newline ends the last line rather than starting an empty one
        if (message.Length > 0 && message[^1] == (byte)'\n')
        {
            message = message[..^1];
        }

        var state = ordered && time is not null ? StreamOf(stream) : null;
        var millis = time?.ToUnixTimeMilliseconds() ?? 0;
        while (true)
        {
            var newline = message.IndexOf((byte)'\n');
            var line = newline < 0 ? message : message[..newline];
            if (state is null || Admit(state, millis, TrimCr(line)))
            {
                OnLine(line, stream, default, time, nesting, clean: false);
            }

            if (newline < 0)
            {
                return;
            }

            message = message[(newline + 1)..];
        }
    }

    /// <summary>One line of a text input.</summary>
    /// <param name="line">The line, without its LF.</param>
    /// <param name="clean">The line is part of a block already found to hold valid UTF-8 and no control bytes
    /// (<see cref="IsClean"/>): it is not checked again.</param>
    public void OnTextLine(ReadOnlySpan<byte> line, bool clean = false) => OnLine(line, null, default, null, 0, clean);

    /// <summary>Valid UTF-8 without control bytes (but TAB, LF, CR and ESC): no line of it is binary data or garbage.
    /// Checked once per block of lines, which is far cheaper than line by line.</summary>
    public static bool IsClean(ReadOnlySpan<byte> block) => block.IndexOfAny(ControlBytes) < 0 && Utf8.IsValid(block);

    private void OnLine(ReadOnlySpan<byte> line, string? stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time, int nesting, bool clean)
    {
        line = TrimCr(line);
        if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            Ignore();
            return;
        }

        _sawContent = true;
        if (!clean)
        {
            var control = line.IndexOfAny(ControlBytes);
            if (control >= 0)
            {
                Count(line[control] == 0 ? SkipReason.BinaryData : SkipReason.Garbage);
                return;
            }

            if (!Utf8.IsValid(line))
            {
                Count(SkipReason.BinaryData);
                return;
            }
        }

        if (nesting == 0)
        {
            if (TailPrefix.TrySplit(line, out var tailTime, out var tailStream, out var message))
            {
                _sawTail = true;
                if (!tailStream.IsEmpty)
                {
                    stream = InternStream(tailStream);
                }

                timestampToken = tailTime;
                line = message;
                _lastTailStream = StreamOf(stream);
                _lastTailDropped = MillisOf(tailTime) is { } millis && !Admit(_lastTailStream, millis, line);
                if (_lastTailDropped)
                {
                    return;
                }

                if (line.IsEmpty)
                {
                    Ignore();
                    return;
                }
            }
            else if (_lastTailStream is { } previous)
            {
                // a line without the prefix continues the previous event's message (aws logs tail prints it as is)
                if (_lastTailDropped)
                {
                    Count(SkipReason.DuplicateEvent);
                    return;
                }

                stream = previous.NamedAfterSource ? null : previous.Name;
            }
        }

        switch (line[0])
        {
            case (byte)'i' when line.StartsWith(ImportRow.Prefix):
                OnImportLine(line, StreamOf(stream), timestampToken, time);
                return;
            case (byte)'S' or (byte)'E' or (byte)'R' or (byte)'I':
                var state = StreamOf(stream);
                if (!PlatformTextLine.TryParse(line, state.OpenRequestId, out var platform))
                {
                    break;
                }

                if (platform is not { } parsed)
                {
                    Count(SkipReason.UnparseablePlatformLine);
                    return;
                }

                _sawPlatformText = true;
                OnPlatform(parsed, state, timestampToken, time);
                return;
            case (byte)'c' when WrapperLine.TryParse(line, out var interpreter, out var initType):
                OnWrapperLine(StreamOf(stream), interpreter, initType, timestampToken, time);
                return;
            case (byte)'{':
                OnJsonLine(line, stream, timestampToken, time, nesting);
                return;
        }

        OnUserOutput(line, StreamOf(stream));
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>Orders and deduplicates a timestamped line of a stream; false when it is dropped as a duplicate.</summary>
    private bool Admit(StreamState stream, long millis, ReadOnlySpan<byte> line)
    {
        switch (_dedup.Admit(stream, millis, line))
        {
            case EventVerdict.New:
                return true;
            case EventVerdict.Duplicate:
                Count(SkipReason.DuplicateEvent);
                return false;
            default:
                throw new LogSourceException(
                    $"'{_sourceName}': the event at byte {Offset} in log stream {stream.Name} is older than events already read for that stream ({DateTimeOffset.FromUnixTimeMilliseconds(millis):yyyy-MM-ddTHH:mm:ss.fffZ} after {DateTimeOffset.FromUnixTimeMilliseconds(stream.LastMillis):yyyy-MM-ddTHH:mm:ss.fffZ}) and is not one of them: the input is out of time order, or overlapping inputs differ (a filtered export?); give exports in time order, complete for their time range.",
                    _sourceName, Offset);
        }
    }

    /// <summary>
    /// The tail prefix's timestamp in Unix ms. Consecutive lines share the date and second, so the prefix up to the second
    /// is remembered and only the milliseconds are read for <c>YYYY-MM-DDTHH:MM:SS.ffffff+00:00</c>, the shape the CLI prints.
    /// </summary>
    private long? MillisOf(ReadOnlySpan<byte> token)
    {
        const int Second = 19;
        if (token.Length >= Second + 4 && _lastTimestampLength == Second && token[Second] == (byte)'.'
            && token[..Second].SequenceEqual(_lastTimestampToken.AsSpan(0, Second)) && IsUtc(token[Second..])
            && IsDigit(token[Second + 1]) && IsDigit(token[Second + 2]) && IsDigit(token[Second + 3]))
        {
            return _lastTimestampMillis + (token[Second + 1] - '0') * 100 + (token[Second + 2] - '0') * 10 + (token[Second + 3] - '0');
        }

        if (TailPrefix.ParseTimestamp(token) is not { } time)
        {
            return null;
        }

        var millis = time.ToUnixTimeMilliseconds();
        if (token.Length >= Second && IsUtc(token[Second..]))
        {
            token[..Second].CopyTo(_lastTimestampToken);
            _lastTimestampLength = Second;
            _lastTimestampMillis = millis - millis % 1000;
        }

        return millis;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>What follows the seconds: an optional fraction, then nothing, <c>Z</c> or <c>+00:00</c>.</summary>
    private static bool IsUtc(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > 0 && rest[0] == (byte)'.')
        {
            rest = rest[1..];
            var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            rest = digits < 0 ? default : rest[digits..];
        }

        return rest.IsEmpty || rest.SequenceEqual("Z"u8) || rest.SequenceEqual("+00:00"u8);
    }

    private void OnJsonLine(ReadOnlySpan<byte> line, string? stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time, int nesting)
    {
        switch (JsonLogLine.Parse(line, out var platform, out var message, out var eventStream, out var eventTime))
        {
            case JsonLineKind.Platform:
                _sawPlatformJson = true;
                OnPlatform(platform!.Value, StreamOf(stream), timestampToken, eventTime ?? time);
                return;
            case JsonLineKind.OtherPlatform:
                _sawPlatformJson = true;
                Ignore();
                return;
            case JsonLineKind.Malformed:
                Count(SkipReason.MalformedJson);
                return;
            case JsonLineKind.InsightsRow:
                OnInsightsResult("one JSON object a line with @message");
                return;
            case JsonLineKind.Event when nesting < MaxMessageNesting:
                // the object stands for its message's lines
                if (nesting == 0 && eventStream is not null)
                {
                    _sawJsonEvents = true;
                }

                OnMessage(Encoding.UTF8.GetBytes(message!), eventStream is null ? stream : _names.Get(eventStream),
                    eventTime ?? time ?? (timestampToken.IsEmpty ? null : TailPrefix.ParseTimestamp(timestampToken)), nesting + 1,
                    ordered: nesting == 0 && timestampToken.IsEmpty && eventStream is not null);
                return;
            default:
                OnUserOutput(line, StreamOf(stream));
                return;
        }
    }

    private void OnImportLine(ReadOnlySpan<byte> line, StreamState stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        var kind = ImportRow.Parse(line, out var self, out var cumulative, out var indent, out var name);
        switch (kind)
        {
            case ImportRowKind.Truncated:
                Count(SkipReason.TruncatedImportLine);
                return;
            case ImportRowKind.Interleaved:
                Count(SkipReason.InterleavedImportLine);
                return;
            case ImportRowKind.Header:
                _sawImportRows = true;
                OnHeader(stream, timestampToken, time);
                return;
        }

        _sawImportRows = true;
        Use();
        if (stream.Child is { } child)
        {
            // a child process's rows: only their top-level time is kept, credited to the parent as subprocess time
            if (child.Owner is { } owner && indent == 0 && kind == ImportRowKind.Row)
            {
                owner.Profile.SubprocessImportMicros += cumulative;
            }

            return;
        }

        var coldStart = stream.InitStarted || stream.Current is null
            ? BeginColdStart(stream, timestampToken, time, knownStart: stream.InitStarted)
            : stream.Current;
        var moduleName = _names.IdOf(name);
        if (coldStart.ParentModules is { } imported && !imported.Add(moduleName))
        {
            // a module this interpreter already imported: a child's row printed after its block (see ParentModules)
            if (indent == 0 && kind == ImportRowKind.Row)
            {
                coldStart.Profile.SubprocessImportMicros += cumulative;
            }

            return;
        }

        var forest = coldStart.Forest;
        var cached = kind == ImportRowKind.CachedRow;
        var depth = cached ? forest.CachedRowDepth(indent, name.Length) : indent / 2;
        var row = new OpenRow { Name = moduleName, Cached = cached, Request = -1 };
        AssignPhase(ref row, stream, coldStart);
        forest.Add(row, self, cumulative, depth, _skipped);
        if (depth == 0 && forest.KeptRows >= _foldAfterRows && forest.OnlyUncachedInitRows && !forest.HasOpenImports
            && coldStart.BeforeMarker.Count == 0 && coldStart.ParentModules is null)
        {
            // a very large cold start: what it printed so far is complete, of the init phase, and no row of it can change
            forest.Fold(_closed, _names);
        }
    }

    /// <summary>
    /// An importtime header: a new interpreter. In a Lambda log it is a new cold start only after INIT_START, after a failed
    /// init, or as the first profile of its environment; anywhere else (inside a request, or a second header in one init) it
    /// is a child Python process (multiprocessing spawn/forkserver, subprocess) that inherited the profiling.
    /// </summary>
    private void OnHeader(StreamState stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        var current = stream.Current;
        var lambda = stream.SawPlatform || _source.SawPlatform || current is { WrapperSeen: true };
        if (stream.InitStarted || stream.InitFailed)
        {
            BeginColdStart(stream, timestampToken, time, knownStart: true).HeaderSeen = true;
        }
        else if (current is not null && current.Forest.Rows == 0 && !current.HeaderSeen && stream.Child is null)
        {
            // the header of the interpreter the wrapper line announced
            current.HeaderSeen = true;
        }
        else if (!lambda && current is not null && current.Forest.Rows == 0)
        {
            Count(SkipReason.DuplicateHeader);
            return;
        }
        else if (!lambda || (current is null && !stream.ServedRequests && stream.Child is null))
        {
            // raw -X importtime output: a header after rows is the next run appended to the file; in a Lambda log, the
            // environment's first profile (logged after START in older console logs)
            BeginColdStart(stream, timestampToken, time, knownStart: true).HeaderSeen = true;
        }
        else
        {
            OnChildProcess(stream, current);
        }

        Use();
    }

    private static void OnChildProcess(StreamState stream, ColdStartBuilder? owner)
    {
        if (stream.Child is { } running)
        {
            // one more child in the same phase (spawn starts a resource tracker and the worker, whose rows interleave)
            if (running.Owner is { } o)
            {
                o.Profile.Subprocesses++;
            }

            return;
        }

        stream.Child = new ChildBlock(owner);
        if (owner is null)
        {
            return;
        }

        var profile = owner.Profile;
        profile.Subprocesses++;
        owner.ParentModules ??= owner.Forest.NamesInForest();
        if (owner.Forest.HasOpenImports)
        {
            owner.Incomplete ??= IncompleteReason.SubprocessInsideImport;
        }

        var request = stream.OpenRequestId;
        if (request is null || request == owner.InitRequestId)
        {
            profile.SubprocessDuringInit |= request is not null || stream.InitOpen || !owner.SawStart;
        }

        if (request is not null)
        {
            profile.SubprocessDuringInvoke = true;
            if (request == owner.FirstRequestId)
            {
                profile.SubprocessDuringFirstInvocation = true;
            }
        }
    }

    /// <summary>Sets the phase (and request) of a row about to be added to <paramref name="coldStart"/>'s forest.</summary>
    private void AssignPhase(ref OpenRow row, StreamState stream, ColdStartBuilder coldStart)
    {
        if (stream.OpenRequestId is { } request)
        {
            if (request == coldStart.InitRequestId && !coldStart.MarkerSeen)
            {
                // init output logged after START: only the user's marker can split it
                row.Phase = ImportPhase.Unknown;
                if (_options.SplitAfter is null)
                {
                    coldStart.Profile.Split = PhaseSplit.Unknown;
                }
                else
                {
                    coldStart.BeforeMarker.Add(coldStart.Forest.Rows);
                }

                return;
            }

            row.Phase = ImportPhase.Invoke;
            row.Request = coldStart.Forest.RequestIndex(request);
            return;
        }

        row.Phase = coldStart.SawStart ? ImportPhase.Unknown : ImportPhase.Init;
    }

    private void OnWrapperLine(StreamState stream, string? interpreter, string initType, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        if (stream.NamedAfterSource && stream.SawPlatform && !stream.InitStarted && !stream.InitFailed && stream.InitOpen
            && stream.Current is { } current && (current.WrapperSeen || current.Forest.Rows > 0))
        {
            Overlap(stream, "a second wrapper line while an init was still running");
        }

        var coldStart = BeginColdStart(stream, timestampToken, time, knownStart: true);
        coldStart.WrapperSeen = true;
        coldStart.Profile.Interpreter = interpreter;
        if (initType != InitTypes.Unknown)
        {
            coldStart.Profile.InitType = initType;
        }

        Use();
    }

    private void OnPlatform(PlatformEvent platform, StreamState stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        Use();
        stream.SawPlatform = true;
        _source.SawPlatform = true;
        stream.Child = null;
        var current = stream.Current;
        if (platform.Kind != PlatformKind.InitStart && current is not null)
        {
            // the block before this line is over: rows still open were cut
            current.InitEnded = true;
            if (current.Forest.HasOpenImports)
            {
                current.Incomplete ??= IncompleteReason.UnclosedImports;
            }
        }

        switch (platform.Kind)
        {
            case PlatformKind.InitStart:
                if (stream.NamedAfterSource && !stream.InitFailed && (stream.InitOpen || stream.OpenRequestId is not null))
                {
                    Overlap(stream, stream.InitOpen
                        ? "an INIT_START while another environment's init was still running"
                        : $"an INIT_START while request {stream.OpenRequestId} was still running");
                }

                stream.InitStarted = true;
                stream.InitOpen = true;
                stream.OpenRequestId = null;
                stream.PendingRuntimeVersion = platform.RuntimeVersion;
                stream.PendingInitType = platform.InitType;
                return;
            case PlatformKind.Start:
                if (stream.NamedAfterSource && stream.OpenRequestId is { } open && open != platform.RequestId)
                {
                    Overlap(stream, $"a START while request {open} was still running");
                }

                stream.OpenRequestId = platform.RequestId;
                stream.InitOpen = false;
                if (current is not null)
                {
                    if (!current.SawStart && current.FirstRequestId is null)
                    {
                        current.FirstRequestId = platform.RequestId;
                    }

                    current.SawStart = true;
                }

                return;
            case PlatformKind.End:
                if (current is not null && current.InitRequestId == platform.RequestId)
                {
                    ResolveBeforeMarker(current);
                }

                stream.OpenRequestId = null;
                stream.ServedRequests = true;
                return;
            case PlatformKind.InitReport:
                stream.InitOpen = false;
                stream.InitFailed = platform.InitFailed;
                if (current is not null && !stream.InitStarted && current.Profile.InitDurationMs is null)
                {
                    current.Profile.InitDurationMs = platform.InitDurationMs;
                }

                return;
            case PlatformKind.Report:
                stream.InitOpen = false;
                stream.ServedRequests = true;
                var metrics = platform.Report!;
                var first = current is not null && !stream.InitStarted && current.AwaitingFirstReport;
                if (first)
                {
                    current!.AwaitingFirstReport = false;
                    current.Profile.FirstReport = metrics;
                    if (current.InitRequestId == metrics.RequestId)
                    {
                        ResolveBeforeMarker(current);
                    }
                }

                if (stream.OpenRequestId == metrics.RequestId)
                {
                    stream.OpenRequestId = null;
                }

                var cold = metrics.InitDurationMs is not null || metrics.RestoreDurationMs is not null || first;
                _sink.OnInvocation(new Invocation(stream.Name, metrics.RequestId, metrics, cold, platform.Time ?? TimeOf(timestampToken, time)));
                if (first)
                {
                    SpillWhenOverBudget(stream, current!);
                }

                return;
        }
    }

    /// <summary>
    /// A Lambda environment's first invocation ended: its cold start stays open to the end of the input (a later request may
    /// still add to it) but rarely changes again, so once the open rows take more than the sink's budget its rows wait in a
    /// temporary file until it closes or changes (memory then grows with environments, not with their rows). Only in
    /// exports with stream names, where environments stay open to the end; rows stay in memory if no file can be written.
    /// </summary>
    private void SpillWhenOverBudget(StreamState stream, ColdStartBuilder coldStart)
    {
        if (stream.NamedAfterSource || _spillUnavailable || (long)_rows.BlocksInUse * RowChunkPool.Size <= _spillAfterRows)
        {
            return;
        }

        _spill ??= RowSpill.TryCreate();
        if (_spill is null)
        {
            _spillUnavailable = true;
            return;
        }

        coldStart.Forest.TrySpill(_spill);
        _spillUnavailable = _spill.Broken;
    }

    /// <summary>Closes (and so deletes) the spill file, if one was made.</summary>
    public void Dispose() => _spill?.Dispose();

    /// <summary>Lines of several environments in one stream without names: refused, nothing can tell them apart.</summary>
    private void Overlap(StreamState stream, string what) => throw new LogSourceException(
        $"'{_sourceName}' mixes several execution environments ({what}, at byte {Offset}) and its lines carry no log stream names to tell them apart: export with stream names (aws logs tail without --format short, or aws logs filter-log-events --output json).",
        _sourceName, Offset);

    private void OnUserOutput(ReadOnlySpan<byte> line, StreamState stream)
    {
        Ignore();
        if (_options.SplitAfter is { } marker && stream.Current is { } current && current.InitRequestId is not null
            && !current.MarkerSeen && stream.OpenRequestId == current.InitRequestId
            && marker.IsMatch(Encoding.UTF8.GetString(line)))
        {
            current.MarkerSeen = true;
            foreach (var row in current.BeforeMarker)
            {
                current.Forest[row].Phase = ImportPhase.Init;
            }

            current.BeforeMarker.Clear();
        }
    }

    /// <summary>The request that held the init output ended without the marker: those imports stay Unknown.</summary>
    private static void ResolveBeforeMarker(ColdStartBuilder coldStart)
    {
        if (coldStart.BeforeMarker.Count > 0)
        {
            coldStart.Profile.Split = PhaseSplit.Unknown;
            coldStart.BeforeMarker.Clear();
        }

        coldStart.MarkerSeen = true;
    }

    private ColdStartBuilder BeginColdStart(StreamState stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time, bool knownStart)
    {
        Close(stream);
        var profile = new ColdStartProfile(stream.Name, TimeOf(timestampToken, time))
        {
            RuntimeVersion = stream.PendingRuntimeVersion,
            InitType = stream.PendingInitType ?? InitTypes.Unknown,
        };
        var coldStart = new ColdStartBuilder(profile, _sequence++, stream.OpenRequestId, _source, knownStart, _rows)
        {
            SawStart = stream.OpenRequestId is not null,
        };
        stream.Current = coldStart;
        stream.Child = null;
        stream.InitOpen |= stream.OpenRequestId is null;
        stream.InitStarted = false;
        stream.InitFailed = false;
        stream.PendingRuntimeVersion = null;
        stream.PendingInitType = null;
        return coldStart;
    }

    private void Close(StreamState stream)
    {
        if (stream.Current is not { } coldStart)
        {
            return;
        }

        stream.Current = null;
        ResolveBeforeMarker(coldStart);
        if (coldStart.Forest.Rows == 0)
        {
            return;
        }

        var incomplete = !coldStart.KnownStart ? IncompleteReason.StartedMidBlock
            : coldStart.Incomplete ?? (coldStart.Forest.HasOpenImports ? IncompleteReason.UnclosedImports
                : !coldStart.InitEnded && (coldStart.Source.SawPlatform || stream.SawPlatform) ? IncompleteReason.EndedBeforeInitEnded
                : null);
        var profile = coldStart.Profile;
        var forest = coldStart.Forest;
        forest.Finish(_skipped);
        if (incomplete is { } reason)
        {
            forest.Release();
            _incomplete.Add(reason);
            return;
        }

        forest.CopyTo(_closed, _names);
        forest.Release();
        if (profile.InitType == InitTypes.Unknown && profile.FirstReport is { } report)
        {
            // REPORT carries Init Duration only for on-demand environments, Restore Duration only for SnapStart
            profile.InitType = report.InitDurationMs is not null ? InitTypes.OnDemand
                : report.RestoreDurationMs is not null ? InitTypes.SnapStart
                : InitTypes.Unknown;
        }

        profile.InitDurationMs ??= profile.FirstReport?.InitDurationMs;
        Classify(profile, _closed);
        _closed = _sink.OnColdStart(profile, _closed, coldStart.Sequence);
    }

    /// <summary>Sets each import row's class (standard library lists differ by Python version).</summary>
    private void Classify(ColdStartProfile profile, ColdStartRows rows)
    {
        var version = ModuleClassifier.PythonVersionOf(profile.RuntimeVersion, profile.Interpreter);
        var classes = ClassCache(version);
        for (var i = 0; i < rows.Count; i++)
        {
            ref var row = ref rows[i];
            if (!classes.TryGetValue(row.Name, out var moduleClass))
            {
                moduleClass = _classifier.Classify(row.Name, version);
                classes[row.Name] = moduleClass;
            }

            row.Class = moduleClass;
        }
    }

    private Dictionary<string, ModuleClass> ClassCache(Version? version)
    {
        if (version is null)
        {
            return _unknownVersionCache;
        }

        if (!_classCache.TryGetValue(version, out var cache))
        {
            cache = new Dictionary<string, ModuleClass>(StringComparer.Ordinal);
            _classCache[version] = cache;
        }

        return cache;
    }

    private StreamState StreamOf(string? name)
    {
        var namedAfterSource = name is null;
        name ??= _sourceName;
        if (_lastStream is { } last && ReferenceEquals(last.Name, name))
        {
            last.LastSource = _source;
            return last;
        }

        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new StreamState(name, namedAfterSource);
            _streams[name] = stream;
        }

        stream.LastSource = _source;
        _lastStream = stream;
        return stream;
    }

    private string InternStream(ReadOnlySpan<byte> utf8)
    {
        if (_lastStream is { } last && last.Name.Length == utf8.Length && Ascii.Equals(utf8, last.Name))
        {
            return last.Name;
        }

        return _names.Get(utf8);
    }

    private static DateTimeOffset? TimeOf(ReadOnlySpan<byte> timestampToken, DateTimeOffset? time) =>
        time ?? (timestampToken.IsEmpty ? null : TailPrefix.ParseTimestamp(timestampToken));

    private void Use()
    {
        _linesRead++;
        _sourceLines++;
        _linesUsed++;
    }

    private void Ignore()
    {
        _linesRead++;
        _sourceLines++;
        _linesIgnored++;
    }

    private void Count(SkipReason reason)
    {
        _linesRead++;
        _sourceLines++;
        _skipped.Add(reason);
    }
}
