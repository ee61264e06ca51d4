using System.Security.Cryptography;
using System.Text;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// The webhook signature: header <c>X-DataCenterOps-Signature: sha256=HEX</c>, HEX being the lowercase hexadecimal
/// HMAC-SHA-256 of the raw request body (UTF-8 JSON) keyed with the webhook's <c>Secret</c> (UTF-8). A receiver
/// recomputes it over the bytes it received and compares in constant time; the body's <c>id</c> and <c>sentAt</c>
/// let it refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-DataCenterOps-Signature";

    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
