namespace ColdStart.Analysis.Parsing.Internal;

/// <summary>Splits a text input into lines (LF or CRLF, the CR is left for the consumer), without keeping them.</summary>
internal static class LineSplitter
{
    /// <summary>Longer lines are counted as <see cref="SkipReason.OverlongLine"/> and skipped unread.</summary>
    public const int MaxLineBytes = SourceBuffer.ChunkSize;

    public static void Run(SourceBuffer buffer, LogAssembler sink)
    {
        var skippingOverlong = false;
        while (true)
        {
            var window = buffer.Window;
            var consumed = 0;

            // the window's whole lines are checked for binary data and bad UTF-8 at once; only a block that fails is
            // checked line by line, to count each bad line
            var lastNewline = window.LastIndexOf((byte)'\n');
            var clean = lastNewline > 0 && LogAssembler.IsClean(window[..lastNewline]);
            while (true)
            {
                var newline = window[consumed..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                if (skippingOverlong)
                {
                    skippingOverlong = false;
                }
                else
                {
                    sink.Offset = buffer.Position + consumed;
                    sink.OnTextLine(window.Slice(consumed, newline), clean);
                }

                consumed += newline + 1;
            }

            buffer.Consume(consumed);
            var rest = buffer.Window;
            if (buffer.Eof)
            {
                if (rest.Length > 0 && !skippingOverlong)
                {
                    sink.Offset = buffer.Position;
                    sink.OnTextLine(rest);
                }

                buffer.DiscardWindow();
                return;
            }

            if (rest.Length >= MaxLineBytes)
            {
                if (!skippingOverlong)
                {
                    sink.OnOverlongLine();
                }

                skippingOverlong = true;
                buffer.DiscardWindow();
            }

            buffer.Fill();
        }
    }
}
