namespace Pinger.Server.Countme;

/// <summary>
/// Splits a byte stream into lines through one fixed buffer, so memory stays flat however big the file is and
/// however long a hostile line gets: a line longer than the limit is skipped to its end and reported as too long
/// instead of being buffered. A line ends at LF, CR LF or a lone CR, as Python's universal newlines end it
/// (mirrors-countme reads logs in text mode), so a CR never stays inside a field.
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

    /// <summary>The next line without its line end, or false at the end. <paramref name="tooLong"/> marks a
    /// skipped over-long line; its span is empty.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        var skipping = false;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var lineEnd = pending.IndexOfAny((byte)'\n', (byte)'\r');
            // A CR as the last byte read may be the first half of CR LF: read on before deciding.
            var undecided = lineEnd >= 0 && lineEnd == pending.Length - 1 && pending[lineEnd] == '\r' && !_endOfStream;
            if (lineEnd >= 0 && !undecided)
            {
                var endLength = pending[lineEnd] == '\r' && lineEnd + 1 < pending.Length && pending[lineEnd + 1] == '\n' ? 2 : 1;
                _start += lineEnd + endLength;
                tooLong = skipping || lineEnd > _maxLineBytes;
                line = tooLong ? default : pending[..lineEnd];
                return true;
            }
            if (_endOfStream)
            {
                _start = _end;
                tooLong = skipping || pending.Length > _maxLineBytes;
                line = tooLong ? default : pending;
                return pending.Length > 0 || skipping;
            }
            if (pending.Length > _maxLineBytes + 1)
            {
                // Drop what we have of the over-long line and read on to its end, keeping a final CR that may
                // be the first half of CR LF.
                skipping = true;
                var keepCr = pending[^1] == '\r';
                _buffer[0] = (byte)'\r';
                _start = 0;
                _end = keepCr ? 1 : 0;
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
