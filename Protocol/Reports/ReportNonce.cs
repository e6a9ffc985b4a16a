namespace Pinger.Protocol.Reports;

/// <summary>
/// The nonce that lets a server count a retried report once. It is random (never derived from anything on the
/// machine), fresh for each set of windows, and reused only by retries of the same report, so it cannot link
/// a machine's reports across windows.
/// </summary>
public static class ReportNonce
{
    /// <summary>The length of a nonce: 16 random bytes in unpadded base64url.</summary>
    public const int Length = 22;

    /// <summary>A new random nonce, from the kernel's cryptographic random source.</summary>
    public static string Create()
    {
        // /dev/urandom is the same source OpenSSL seeds from; reading it directly spares every run the ~5 ms of
        // loading OpenSSL that RandomNumberGenerator costs on Linux.
        var bytes = new byte[16];
        using (var random = File.OpenRead("/dev/urandom"))
        {
            random.ReadExactly(bytes);
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a nonce.</summary>
    /// <remarks>16 bytes in unpadded base64url: 22 characters, the last one carrying only 2 bits (A, Q, g or w).</remarks>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && "AQgw".Contains(text[^1], StringComparison.Ordinal);
}
