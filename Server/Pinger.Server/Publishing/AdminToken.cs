using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pinger.Server.Publishing;

/// <summary>
/// The admin API's bearer token, read from the configured file at start. Without a file the admin API is off.
/// Tokens are compared by their SHA-256 in constant time, so neither content nor length leaks through timing.
/// </summary>
public sealed class AdminToken
{
    private readonly byte[]? _digest;

    /// <summary>Reads the token from <paramref name="tokenFile"/> (null: admin API off). Throws when the file is unusable.</summary>
    public AdminToken(string? tokenFile)
    {
        if (tokenFile is null)
        {
            return;
        }

        var token = File.ReadAllText(tokenFile).Trim();
        if (token.Length < 16)
        {
            throw new InvalidDataException($"{tokenFile}: the admin token must be at least 16 characters");
        }

        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether the admin API is on.</summary>
    public bool IsEnabled => _digest is not null;

    /// <summary>Whether <paramref name="request"/> carries the token.</summary>
    public bool Authorizes(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (_digest is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, _digest);
    }
}
