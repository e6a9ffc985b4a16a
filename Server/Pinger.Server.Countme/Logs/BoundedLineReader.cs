namespace Pinger.Server.Countme;

/// <summary>
/// Splits a byte stream into LF-terminated lines through one fixed buffer, so memory stays flat however big
/// the file is and however long a hostile line gets: a line longer than the limit is skipped to its end and
/// reported as too long instead of being buffered.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    public BoundedLineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = new byte[Math.Max(maxLineBytes * 2, 1 << 20)];
    }

    /// <summary>The next line without its LF (a CR before it is left to the parser, as trailing whitespace),
    /// or false at the end. <paramref name="tooLong"/> marks a skipped over-long line; its span is empty.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        var skipping = false;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                tooLong = skipping || newline > _maxLineBytes;
                line = tooLong ? default : pending[..newline];
                return true;
            }
            if (_endOfStream)
            {
                _start = _end;
                tooLong = skipping || pending.Length > _maxLineBytes;
                line = tooLong ? default : pending;
                return pending.Length > 0 || skipping;
            }
            if (pending.Length > _maxLineBytes)
            {
                // Drop what we have of the over-long line and keep reading until its LF.
                skipping = true;
                _start = _end = 0;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
