using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Pinger.Server.Countme;

/// <summary>
/// Remembers, for the length of one import and in memory only, which hits were already seen, as
/// mirrors-countme's duplicate check does: same second, same client address, same OS fields, age, repo and
/// arch. Each hit is reduced to a 64-bit XXH3 fingerprint under a seed drawn at random for this import and
/// never written anywhere, so the set holds no address and nothing that outlives the process can be matched
/// against one. About 20 bytes per distinct hit (the one part of an import's memory that grows with the log);
/// the chance that two distinct hits share a fingerprint, and one is dropped, is about n²/2⁶⁵: 3·10⁻⁶ for
/// ten million countme hits in one import.
/// </summary>
internal sealed class HitFingerprints
{
    private readonly HashSet<ulong> _seen = [];
    private readonly XxHash3 _hash = new(BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8)));

    public int Count => _seen.Count;

    /// <summary>True the first time a hit is seen, false for a repeat.</summary>
    public bool Add(ReadOnlySpan<byte> address, long unixSeconds, CountmeTotalsKey key)
    {
        _hash.Reset();
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, unixSeconds);
        _hash.Append(number);
        AppendField(address);
        AppendField(key.OsName);
        AppendField(key.OsVersion);
        AppendField(key.OsVariant);
        AppendField(key.OsArch);
        AppendField(key.SysAge);
        AppendField(key.RepoTag);
        AppendField(key.RepoArch);
        return _seen.Add(_hash.GetCurrentHashAsUInt64());
    }

    // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    private void AppendField(string value) => AppendField(MemoryMarshal.AsBytes(value.AsSpan()));

    private void AppendField(ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, value.Length);
        _hash.Append(length);
        _hash.Append(value);
    }
}
