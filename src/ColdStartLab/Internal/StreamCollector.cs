using System.Text;

namespace ColdStart.Lab.Internal;

/// <summary>
/// Reads a child's pipe to the end in the background, keeping what arrived so far: a process the function started
/// can hold the pipe open after the interpreter exits, and what was written before must not be lost with it.
/// </summary>
internal sealed class StreamCollector
{
    private readonly StringBuilder _text = new();
    private readonly Task _reading;

    public StreamCollector(StreamReader reader)
    {
        _reading = Task.Run(async () =>
        {
            var buffer = new char[16 * 1024];
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_text)
                {
                    _text.Append(buffer, 0, read);
                }
            }
        });
    }

    /// <summary>Waits up to <paramref name="grace"/> for the end of the stream; false when it is still open.</summary>
    public bool WaitForEnd(TimeSpan grace) => _reading.Wait(grace);

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
