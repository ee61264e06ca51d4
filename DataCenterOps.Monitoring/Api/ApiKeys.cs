using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DataCenterOps.Monitoring.Api;

/// <summary>Reads a key from <c>Authorization: Bearer KEY</c> (or <c>X-Api-Key</c>) and compares it in constant time.</summary>
public static class ApiKeys
{
    public static bool Matches(HttpRequest request, string expected, bool allowXApiKeyHeader)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameKey(authorization["Bearer ".Length..].Trim(), expected))
        {
            return true;
        }

        return allowXApiKeyHeader && request.Headers.TryGetValue("X-Api-Key", out var header) && SameKey(header.ToString().Trim(), expected);
    }

    private static bool SameKey(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
