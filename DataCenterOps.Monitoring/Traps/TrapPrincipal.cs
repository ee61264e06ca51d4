using System.Security.Cryptography;
using System.Text;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Who a notification says it is from: a community (v1/v2c; the secret is held but never printed) or an
/// authenticated SNMPv3 USM user name.
/// </summary>
public sealed class TrapPrincipal
{
    private readonly byte[]? _community;

    private TrapPrincipal(byte[]? community, string? userName, string? contextName = null)
    {
        _community = community;
        UserName = userName;
        ContextName = contextName;
    }

    /// <summary>The USM user (v3), or null for a community.</summary>
    public string? UserName { get; }

    /// <summary>The scoped PDU's contextName (v3): tells apart devices behind one address that share a user.</summary>
    public string? ContextName { get; }

    public bool IsCommunity => _community is not null;

    public static TrapPrincipal Community(byte[] community) => new(community.ToArray(), null);

    public static TrapPrincipal UsmUser(string userName, string? contextName = null) => new(null, userName, contextName);

    /// <summary>Constant-time comparison with a configured community.</summary>
    public bool HasCommunity(string? community) =>
        _community is not null && community is not null && CryptographicOperations.FixedTimeEquals(_community, Encoding.UTF8.GetBytes(community));

    internal ReadOnlyMemory<byte> CommunityBytes => _community;

    public override string ToString() => IsCommunity ? "community ***" : $"USM user {UserName}";
}
