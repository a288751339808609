using System.Text.Json;

namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>
/// Streams a CloudWatch Logs JSON export (<c>filter-log-events</c>/<c>get-log-events</c> <c>events[]</c>, or several such
/// documents in a row): every object with a <c>message</c> string is an event, with <c>logStreamName</c> and
/// <c>timestamp</c> when present. A document that is cut off or corrupt is a broken input; a Logs Insights result
/// (<c>@message</c> rows, or <c>get-query-results</c>' field/value pairs) is refused.
/// </summary>
internal sealed class CloudWatchJsonReader(SourceBuffer buffer, LogAssembler sink)
{
    private const int MaxTokenBytes = 64 << 20;

    private readonly List<EventFrame> _frames = [];
    private byte[] _scratch = new byte[4096];
    private int _depth;
    private Property _pending;

    private enum Property
    {
        None,
        Message,
        Stream,
        Timestamp,
        Field,
    }

    public void Run()
    {
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.Window, buffer.Eof, state);
            try
            {
                while (reader.Read())
                {
                    OnToken(ref reader);
                }
            }
            catch (JsonException e)
            {
                buffer.Consume((int)reader.BytesConsumed);
                // cut off: nothing but the broken last line follows; corrupt: whole lines follow the break
                var cut = buffer.Eof && buffer.Window.TrimEnd(" \t\r\n"u8).IndexOf((byte)'\n') < 0;
                sink.OnBrokenInput(buffer.Position, cut ? "the JSON document is cut off or corrupt near its end" : "the JSON document is corrupt", e);
                sink.OnMalformedJsonRest(buffer);
                return;
            }

            buffer.Consume((int)reader.BytesConsumed);
            state = reader.CurrentState;
            if (buffer.Eof)
            {
                return;
            }

            // a token larger than the window: widen it, up to a limit
            var stuck = reader.BytesConsumed == 0 && buffer.Window.Length >= buffer.Capacity / 2;
            if (stuck && buffer.Capacity >= MaxTokenBytes)
            {
                sink.OnBrokenInput(buffer.Position, $"a JSON value is larger than {MaxTokenBytes >> 20} MiB");
                sink.OnMalformedJsonRest(buffer);
                return;
            }

            buffer.Fill(grow: stuck);
        }
    }

    private void OnToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (_frames.Count <= _depth)
                {
                    _frames.Add(new EventFrame());
                }

                _frames[_depth++].Reset();
                _pending = Property.None;
                break;
            case JsonTokenType.EndObject:
                var frame = _frames[--_depth];
                if (frame.HasMessage && !frame.Emitted)
                {
                    sink.Offset = buffer.Position + reader.TokenStartIndex;
                    sink.OnEvent(frame.Message, frame.Stream, frame.TimestampMillis, frame.TimestampText);
                }

                break;
            case JsonTokenType.PropertyName:
                if (reader.ValueTextEquals("@message"u8))
                {
                    sink.Offset = buffer.Position + reader.TokenStartIndex;
                    sink.OnInsightsResult("rows with @message");
                }

                _pending = reader.ValueTextEquals("message"u8) ? Property.Message
                    : reader.ValueTextEquals("logStreamName"u8) ? Property.Stream
                    : reader.ValueTextEquals("timestamp"u8) ? Property.Timestamp
                    : reader.ValueTextEquals("field"u8) ? Property.Field
                    : Property.None;
                return;
            case JsonTokenType.String when _pending == Property.Field:
                if (reader.ValueTextEquals("@message"u8))
                {
                    sink.Offset = buffer.Position + reader.TokenStartIndex;
                    sink.OnInsightsResult("aws logs get-query-results");
                }

                break;
            case JsonTokenType.String when _pending != Property.None && _depth > 0:
                var current = _frames[_depth - 1];
                if (_pending == Property.Message && current is { Stream: not null, TimestampMillis: not null, HasMessage: false })
                {
                    // stream and timestamp come first in the AWS CLI's output: hand the message over without keeping it
                    current.Emitted = true;
                    sink.Offset = buffer.Position + reader.TokenStartIndex;
                    sink.OnEvent(Unescaped(ref reader), current.Stream, current.TimestampMillis, null);
                }
                else if (_pending == Property.Message)
                {
                    current.SetMessage(ref reader);
                }
                else if (_pending == Property.Stream)
                {
                    current.Stream = sink.InternStream(ref reader);
                }
                else
                {
                    current.TimestampText = reader.GetString();
                }

                break;
            case JsonTokenType.Number when _pending == Property.Timestamp && _depth > 0:
                _frames[_depth - 1].TimestampMillis = reader.TryGetInt64(out var millis) ? millis : null;
                break;
        }

        _pending = Property.None;
    }

    /// <summary>The string value, unescaped; Lambda messages usually differ from their raw form only by a final "\n".</summary>
    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return raw;
        }

        if (raw.Length >= 2 && raw.IndexOf((byte)'\\') == raw.Length - 2 && raw[^1] == (byte)'n')
        {
            return raw[..^2];
        }

        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[raw.Length * 2];
        }

        return _scratch.AsSpan(0, reader.CopyString(_scratch));
    }

    /// <summary>The fields of one JSON object seen so far; reused across events.</summary>
    private sealed class EventFrame
    {
        private byte[] _message = new byte[1024];
        private int _length;

        public bool HasMessage { get; private set; }

        public bool Emitted { get; set; }

        public ReadOnlySpan<byte> Message => _message.AsSpan(0, _length);

        public string? Stream { get; set; }

        public long? TimestampMillis { get; set; }

        public string? TimestampText { get; set; }

        public void Reset()
        {
            HasMessage = false;
            Emitted = false;
            Stream = null;
            TimestampMillis = null;
            TimestampText = null;
        }

        public void SetMessage(ref Utf8JsonReader reader)
        {
            var raw = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (_message.Length < raw)
            {
                _message = new byte[Math.Max(raw, _message.Length * 2)];
            }

            _length = reader.CopyString(_message);
            HasMessage = true;
        }
    }
}
