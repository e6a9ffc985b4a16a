using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Pinger.Server.Countme;

/// <summary>
/// Opens a file for one streaming pass whose every stored byte also goes through SHA-256, and undoes gzip or
/// xz when the file starts with their magic bytes (whatever its name). The digest is that of the bytes as
/// stored, so the same file re-imported is recognised.
/// </summary>
internal sealed class HashedFile : IDisposable
{
    private readonly FileStream _file;
    private readonly SHA256 _sha256;
    private readonly CryptoStream _hashing;
    private readonly CountingReadStream? _inflated;
    private readonly Stream? _unxz;

    private HashedFile(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        LogCompression.Kind compression;
        try
        {
            compression = LogCompression.Detect(Head(_file));
        }
        catch
        {
            _file.Dispose();
            throw;
        }
        _sha256 = SHA256.Create();
        _hashing = new CryptoStream(_file, _sha256, CryptoStreamMode.Read, leaveOpen: true);
        _inflated = compression == LogCompression.Kind.Gzip
            ? new CountingReadStream(new GZipStream(_hashing, CompressionMode.Decompress, leaveOpen: true)) : null;
        // SharpCompress's xz decoder needs a seekable stream, so it reads a second handle of its own and the
        // digest is taken from the first one in Finish.
        _unxz = compression == LogCompression.Kind.Xz
            ? new XzContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)) : null;
        Content = _inflated ?? _unxz ?? _hashing;
    }

    /// <summary>"gzip", "xz" or "plain", for messages.</summary>
    public string CompressionName => _inflated is not null ? "gzip" : _unxz is not null ? "xz" : "plain";

    /// <summary>The file's content, decompressed when it is gzip or xz.</summary>
    public Stream Content { get; }

    /// <exception cref="FormatException">The file is compressed in a format that is not read.</exception>
    public static HashedFile Open(string path) => new(path);

    /// <summary>
    /// Call once <see cref="Content"/> has been read to its end: hashes whatever the reader left (bytes after
    /// the last gzip member) and returns the lowercase hex digest of the whole file.
    /// </summary>
    /// <exception cref="InvalidDataException">The gzip data looks cut short.</exception>
    public string Finish()
    {
        _hashing.CopyTo(Stream.Null);
        if (_inflated is not null && LooksTruncated(_inflated))
        {
            throw new InvalidDataException("the content ends mid-line and its length does not match the gzip trailer");
        }
        return Convert.ToHexStringLower(_sha256.Hash!);
    }

    // .NET's GZipStream ends quietly when its input stops mid-stream. A whole file ends with gzip's trailer,
    // whose last 4 bytes are the (last member's) length mod 2^32, and a whole log ends with LF; a cut file
    // almost never passes both. Several members legitimately fail the first, so both must fail.
    private bool LooksTruncated(CountingReadStream inflated)
    {
        if (inflated.BytesRead == 0 || inflated.LastByte == '\n')
        {
            return false;
        }
        Span<byte> trailer = stackalloc byte[4];
        var length = RandomAccess.GetLength(_file.SafeFileHandle);
        if (length < 18 || RandomAccess.Read(_file.SafeFileHandle, trailer, length - 4) != 4)
        {
            return true;
        }
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)inflated.BytesRead;
    }

    public void Dispose()
    {
        _inflated?.Dispose();
        _unxz?.Dispose();
        _hashing.Dispose();
        _sha256.Dispose();
        _file.Dispose();
    }

    private static byte[] Head(FileStream file)
    {
        var head = new byte[8];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return head[..read];
    }
}
