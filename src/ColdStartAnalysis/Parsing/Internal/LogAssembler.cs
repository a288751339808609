using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Turns lines into the model: tracks each log stream's state (cold start being built, open request, pending
/// INIT_START facts), places import rows in their forest with their phase, and accounts for every line.
/// </summary>
internal sealed class LogAssembler
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
    private readonly Dictionary<string, StreamState> _streams = new(StringComparer.Ordinal);
    private readonly List<ColdStartBuilder> _finished = [];
    private readonly List<Invocation> _invocations = [];
    private readonly SkipCounts _skipped = new();
    private readonly List<SourceSummary> _sources = [];
    private long _sequence;
    private long _linesRead;
    private long _linesUsed;
    private long _linesIgnored;

    // per source
    private string _sourceName = "";
    private long _sourceLines;
    private bool _sawTail;
    private bool _sawPlatformText;
    private bool _sawPlatformJson;
    private bool _sawImportRows;
    private bool _sawJsonEvents;
    private bool _sawContent;
    private StreamState? _lastStream;

    public LogAssembler(ParseOptions options)
    {
        _options = options;
        _classifier = new ModuleClassifier(options.HandlerModule);
    }

    public void BeginSource(string name)
    {
        _sourceName = name;
        _sourceLines = 0;
        _sawTail = _sawPlatformText = _sawPlatformJson = _sawImportRows = _sawJsonEvents = _sawContent = false;
    }

    public void EndSource(bool jsonDocument)
    {
        var format = jsonDocument || _sawJsonEvents ? InputFormat.CloudWatchJson
            : _sawTail ? InputFormat.AwsLogsTail
            : _sawPlatformJson ? InputFormat.LambdaJson
            : _sawPlatformText ? InputFormat.LambdaText
            : _sawImportRows ? InputFormat.RawImportTime
            : _sawContent ? InputFormat.Unrecognised
            : InputFormat.Empty;
        _sources.Add(new SourceSummary(_sourceName, format, _sourceLines));
    }

    public ParseResult Finish(long bytesRead)
    {
        foreach (var stream in _streams.Values)
        {
            Close(stream);
        }

        var coldStarts = _finished.OrderBy(b => b.Sequence).Select(b => b.Profile).ToList();
        return new ParseResult(coldStarts, _invocations, _linesRead, _linesUsed, _linesIgnored, bytesRead, _skipped, _sources);
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

    /// <summary>One event of a JSON export; its message may hold several lines.</summary>
    public void OnEvent(ReadOnlySpan<byte> message, string? stream, long? millis, string? timestampText)
    {
        var time = millis is { } ms && ms is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : timestampText is not null ? TailPrefix.ParseTimestamp(Encoding.UTF8.GetBytes(timestampText))
            : null;
        OnMessage(message, stream, time, 1);
    }

    private void OnMessage(ReadOnlySpan<byte> message, string? stream, DateTimeOffset? time, int nesting)
    {
        // a trailing newline ends the last line rather than starting an empty one
        if (message.Length > 0 && message[^1] == (byte)'\n')
        {
            message = message[..^1];
        }

        while (true)
        {
            var newline = message.IndexOf((byte)'\n');
            var line = newline < 0 ? message : message[..newline];
            OnLine(line, stream, default, time, nesting);
            if (newline < 0)
            {
                return;
            }

            message = message[(newline + 1)..];
        }
    }

    public void OnTextLine(ReadOnlySpan<byte> line) => OnLine(line, null, default, null, 0);

    private void OnLine(ReadOnlySpan<byte> line, string? stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time, int nesting)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            Ignore();
            return;
        }

        _sawContent = true;
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

        if (nesting == 0 && TailPrefix.TrySplit(line, out var tailTime, out var tailStream, out var message))
        {
            _sawTail = true;
            if (!tailStream.IsEmpty)
            {
                stream = InternStream(tailStream);
            }

            timestampToken = tailTime;
            line = message;
            if (line.IsEmpty)
            {
                Ignore();
                return;
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
            case JsonLineKind.Event when nesting < MaxMessageNesting:
                // the object stands for its message's lines
                if (nesting == 0 && eventStream is not null)
                {
                    _sawJsonEvents = true;
                }

                OnMessage(Encoding.UTF8.GetBytes(message!), eventStream is null ? stream : _names.Get(eventStream),
                    eventTime ?? time ?? (timestampToken.IsEmpty ? null : TailPrefix.ParseTimestamp(timestampToken)), nesting + 1);
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
                var current = stream.InitStarted ? null : stream.Current;
                if (current is not null && current.Forest.Rows == 0)
                {
                    if (current.HeaderSeen)
                    {
                        Count(SkipReason.DuplicateHeader);
                        return;
                    }

                    current.HeaderSeen = true;
                }
                else
                {
                    BeginColdStart(stream, timestampToken, time).HeaderSeen = true;
                }

                Use();
                return;
        }

        _sawImportRows = true;
        var coldStart = stream.InitStarted || stream.Current is null ? BeginColdStart(stream, timestampToken, time) : stream.Current;
        var forest = coldStart.Forest;
        var cached = kind == ImportRowKind.CachedRow;
        var depth = cached ? forest.CachedRowDepth(indent, name.Length) : indent / 2;
        var node = new ImportNode(_names.Get(name), self, cumulative, cached, depth, forest.Rows);
        AssignPhase(node, stream, coldStart);
        forest.Add(node, depth, coldStart.Profile.RootList, _skipped);
        Use();
    }

    private void AssignPhase(ImportNode node, StreamState stream, ColdStartBuilder coldStart)
    {
        if (stream.OpenRequestId is { } request)
        {
            if (request == coldStart.InitRequestId && !coldStart.MarkerSeen)
            {
                // init output logged after START: only the user's marker can split it
                node.Phase = ImportPhase.Unknown;
                if (_options.SplitAfter is null)
                {
                    coldStart.Profile.Split = PhaseSplit.Unknown;
                }
                else
                {
                    coldStart.BeforeMarker.Add(node);
                }

                return;
            }

            node.Phase = ImportPhase.Invoke;
            node.RequestId = request;
            return;
        }

        node.Phase = coldStart.SawStart ? ImportPhase.Unknown : ImportPhase.Init;
    }

    private void OnWrapperLine(StreamState stream, string? interpreter, string initType, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        var coldStart = BeginColdStart(stream, timestampToken, time);
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
        var current = stream.Current;
        switch (platform.Kind)
        {
            case PlatformKind.InitStart:
                stream.InitStarted = true;
                stream.OpenRequestId = null;
                stream.PendingRuntimeVersion = platform.RuntimeVersion;
                stream.PendingInitType = platform.InitType;
                return;
            case PlatformKind.Start:
                stream.OpenRequestId = platform.RequestId;
                if (current is not null)
                {
                    current.SawStart = true;
                }

                return;
            case PlatformKind.End:
                if (current is not null && current.InitRequestId == platform.RequestId)
                {
                    ResolveBeforeMarker(current);
                }

                stream.OpenRequestId = null;
                return;
            case PlatformKind.InitReport:
                if (current is not null && !stream.InitStarted && current.Profile.InitDurationMs is null)
                {
                    current.Profile.InitDurationMs = platform.InitDurationMs;
                }

                return;
            case PlatformKind.Report:
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
                _invocations.Add(new Invocation(stream.Name, metrics.RequestId, metrics, cold, platform.Time ?? TimeOf(timestampToken, time)));
                return;
        }
    }

    private void OnUserOutput(ReadOnlySpan<byte> line, StreamState stream)
    {
        Ignore();
        if (_options.SplitAfter is { } marker && stream.Current is { } current && current.InitRequestId is not null
            && !current.MarkerSeen && stream.OpenRequestId == current.InitRequestId
            && marker.IsMatch(Encoding.UTF8.GetString(line)))
        {
            current.MarkerSeen = true;
            foreach (var node in current.BeforeMarker)
            {
                node.Phase = ImportPhase.Init;
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

    private ColdStartBuilder BeginColdStart(StreamState stream, ReadOnlySpan<byte> timestampToken, DateTimeOffset? time)
    {
        Close(stream);
        var profile = new ColdStartProfile(stream.Name, TimeOf(timestampToken, time))
        {
            RuntimeVersion = stream.PendingRuntimeVersion,
            InitType = stream.PendingInitType ?? InitTypes.Unknown,
        };
        var coldStart = new ColdStartBuilder(profile, _sequence++, stream.OpenRequestId) { SawStart = stream.OpenRequestId is not null };
        stream.Current = coldStart;
        stream.InitStarted = false;
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

        var profile = coldStart.Profile;
        coldStart.Forest.Finish(profile.RootList, _skipped);
        if (profile.InitType == InitTypes.Unknown && profile.FirstReport is { } report)
        {
            // REPORT carries Init Duration only for on-demand environments, Restore Duration only for SnapStart
            profile.InitType = report.InitDurationMs is not null ? InitTypes.OnDemand
                : report.RestoreDurationMs is not null ? InitTypes.SnapStart
                : InitTypes.Unknown;
        }

        profile.InitDurationMs ??= profile.FirstReport?.InitDurationMs;
        var version = ModuleClassifier.PythonVersionOf(profile.RuntimeVersion, profile.Interpreter);
        var classes = ClassCache(version);
        foreach (var root in profile.RootList)
        {
            root.Parent = null;
            Place(root, 0);
        }

        _finished.Add(coldStart);

        void Place(ImportNode node, int depth)
        {
            node.Depth = depth;
            if (!classes.TryGetValue(node.Name, out var moduleClass))
            {
                moduleClass = _classifier.Classify(node.Name, version);
                classes[node.Name] = moduleClass;
            }

            node.Class = moduleClass;
            foreach (var child in node.Children)
            {
                Place(child, depth + 1);
            }
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
        name ??= _sourceName;
        if (_lastStream is { } last && ReferenceEquals(last.Name, name))
        {
            return last;
        }

        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new StreamState(name);
            _streams[name] = stream;
        }

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
