using SharpCompress.Compressors.Xz;

namespace Pinger.Server.Countme;

/// <summary>
/// The decompressed content of an xz file, read with SharpCompress's XZStream. Whatever the decoder throws on
/// damaged input becomes <see cref="InvalidDataException"/>, and data that stops before the stream's footer is
/// refused as truncated, so a file that could not be decoded is never taken for a short log.
/// </summary>
internal sealed class XzContent(Stream compressed) : ReadOnlyStream
{
    private readonly XZStream _decoder = new(compressed);
    private bool _ended;

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }
        int read;
        try
        {
            read = _decoder.Read(buffer);
        }
        catch (Exception e) when (e is EndOfStreamException || (e is not OutOfMemoryException and not IOException and not UnauthorizedAccessException))
        {
            throw new InvalidDataException(e.Message, e);
        }
        if (read == 0)
        {
            _ended = true;
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
            compressed.Dispose();
        }
        base.Dispose(disposing);
    }
}
