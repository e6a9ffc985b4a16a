namespace Pinger.Server.Countme;

/// <summary>
/// How an access log is stored, told by its first bytes rather than its name (a plain log named .gz is read as
/// plain text). Plain text, gzip and xz are read; zstd, bzip2, lz4 and lzop are recognised and refused by name.
/// </summary>
internal static class LogCompression
{
    /// <summary>The formats <see cref="CountmeLogImporter"/> reads, for messages and docs.</summary>
    public const string Supported = "plain text, gzip (.gz) and xz (.xz)";

    public enum Kind
    {
        Plain,
        Gzip,
        Xz,
    }

    /// <exception cref="FormatException">The file is compressed in a format that is not read.</exception>
    public static Kind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return Kind.Gzip;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]))
        {
            return Kind.Xz;
        }
        var refused = head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]) ? "zstd"
            : head.StartsWith("BZh"u8) ? "bzip2"
            : head.StartsWith((ReadOnlySpan<byte>)[0x04, 0x22, 0x4d, 0x18]) ? "lz4"
            : head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'L', (byte)'Z', (byte)'O', 0x00]) ? "lzop"
            : head.StartsWith((ReadOnlySpan<byte>)[0x5d, 0x00, 0x00]) ? "lzma (legacy .lzma)"
            : null;
        if (refused is not null)
        {
            throw new FormatException($"the file is {refused}-compressed; access logs are read as {Supported}: decompress it first");
        }
        return Kind.Plain;
    }
}
