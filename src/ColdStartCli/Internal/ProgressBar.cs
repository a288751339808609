using System.Diagnostics;
using System.Globalization;

namespace ColdStart.Cli.Internal;

/// <summary>A one-line progress bar redrawn in place on a terminal; cleared when disposed.</summary>
internal sealed class ProgressBar(TextWriter terminal, long totalBytes) : IProgress<long>, IDisposable
{
    private const int Width = 30;
    private static readonly long RedrawInterval = Stopwatch.Frequency / 10;
    private long? _lastDraw;

    public void Report(long value)
    {
        var now = Stopwatch.GetTimestamp();
        if (_lastDraw is { } last && now - last < RedrawInterval && value < totalBytes)
        {
            return;
        }

        _lastDraw = now;
        var fraction = totalBytes <= 0 ? 1 : Math.Clamp((double)value / totalBytes, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        terminal.Write($"\rreading logs [{new string('#', filled)}{new string('.', Width - filled)}] {(fraction * 100).ToString("0", CultureInfo.InvariantCulture),3}% {value >> 20} / {totalBytes >> 20} MiB");
        terminal.Flush();
    }

    public void Dispose()
    {
        terminal.Write('\r' + new string(' ', Width + 48) + '\r');
        terminal.Flush();
    }
}
