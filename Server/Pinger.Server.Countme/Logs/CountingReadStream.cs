namespace Pinger.Server.Countme;

/// <summary>Passes reads through, counting the bytes and keeping the last one: what the gzip truncation
/// check compares with the file's trailer.</summary>
internal sealed class CountingReadStream(Stream inner) : ReadOnlyStream
{
    public long BytesRead { get; private set; }

    public int LastByte { get; private set; } = -1;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
        {
            BytesRead += read;
            LastByte = buffer[read - 1];
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
