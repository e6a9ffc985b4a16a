using System.Numerics;
using System.Security.Cryptography;

namespace Pinger.Server.Publishing;

/// <summary>
/// Uniform integers from the operating system's cryptographic generator, by rejection: draw just enough random
/// bits to cover the bound and try again when the draw lands above it, so every integer below the bound is exactly
/// as likely. Bytes are fetched in blocks because a sampler asks for many small integers.
/// </summary>
public sealed class CryptographicUniform : IUniformSource
{
    private readonly byte[] _block = new byte[4096];
    private readonly Lock _lock = new();
    private int _used = 4096;

    /// <inheritdoc/>
    public BigInteger Below(BigInteger bound)
    {
        if (bound.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), "the bound must be positive");
        }

        if (bound.IsOne)
        {
            return BigInteger.Zero;
        }

        var bits = (int)(bound - 1).GetBitLength();
        var bytes = (bits + 7) / 8;
        var mask = (byte)(0xFF >> ((bytes * 8) - bits));
        var buffer = new byte[bytes + 1];
        lock (_lock)
        {
            while (true)
            {
                for (var i = 0; i < bytes; i++)
                {
                    buffer[i] = NextByte();
                }

                buffer[bytes - 1] &= mask;
                buffer[bytes] = 0;
                var candidate = new BigInteger(buffer, isUnsigned: true, isBigEndian: false);
                if (candidate < bound)
                {
                    return candidate;
                }
            }
        }
    }

    private byte NextByte()
    {
        if (_used == _block.Length)
        {
            RandomNumberGenerator.Fill(_block);
            _used = 0;
        }

        return _block[_used++];
    }
}
