using System.Text;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// USM users from configuration strings (device options and the simulator's users): the problems an operator
/// must fix, named by the caller's keys, and the credentials once there are none. The level is implied:
/// no auth password → noAuthNoPriv, auth only → authNoPriv, both → authPriv.
/// </summary>
internal static class UsmConfiguration
{
    /// <summary>The configuration key names used in messages: user, auth protocol, auth password, priv protocol, priv password.</summary>
    internal sealed record Keys(string User, string AuthProtocol, string AuthPassword, string PrivProtocol, string PrivPassword);

    public static IEnumerable<string> Problems(Keys keys, string? user, string? authProtocol, string? authPassword, string? privProtocol, string? privPassword)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            yield return $"{keys.User} is required for SNMPv3";
        }
        else if (Encoding.UTF8.GetByteCount(user) > 32)
        {
            yield return $"{keys.User} must be at most 32 bytes";
        }

        var hasAuth = !string.IsNullOrEmpty(authPassword);
        var hasPriv = !string.IsNullOrEmpty(privPassword);
        if (!string.IsNullOrEmpty(authProtocol) && !SnmpUsmProtocolNames.TryParseAuth(authProtocol, out _))
        {
            yield return $"{keys.AuthProtocol} '{authProtocol}' is not known (known: {SnmpUsmProtocolNames.AuthNames})";
        }

        if (!string.IsNullOrEmpty(privProtocol) && !SnmpUsmProtocolNames.TryParsePriv(privProtocol, out _))
        {
            yield return $"{keys.PrivProtocol} '{privProtocol}' is not known (known: {SnmpUsmProtocolNames.PrivNames})";
        }

        if (hasAuth && string.IsNullOrEmpty(authProtocol))
        {
            yield return $"{keys.AuthProtocol} is required with {keys.AuthPassword} ({SnmpUsmProtocolNames.AuthNames})";
        }

        if (!hasAuth && !string.IsNullOrEmpty(authProtocol))
        {
            yield return $"{keys.AuthProtocol} is set but {keys.AuthPassword} is empty";
        }

        if (hasPriv && string.IsNullOrEmpty(privProtocol))
        {
            yield return $"{keys.PrivProtocol} is required with {keys.PrivPassword} ({SnmpUsmProtocolNames.PrivNames})";
        }

        if (!hasPriv && !string.IsNullOrEmpty(privProtocol))
        {
            yield return $"{keys.PrivProtocol} is set but {keys.PrivPassword} is empty";
        }

        if (hasPriv && !hasAuth)
        {
            yield return $"{keys.PrivPassword} needs {keys.AuthPassword} too (there is no privacy without authentication)";
        }

        if (authPassword is { Length: > 0 and < SnmpUsmCredentials.MinPasswordLength })
        {
            yield return $"{keys.AuthPassword} must be at least {SnmpUsmCredentials.MinPasswordLength} characters (net-snmp refuses shorter)";
        }

        if (privPassword is { Length: > 0 and < SnmpUsmCredentials.MinPasswordLength })
        {
            yield return $"{keys.PrivPassword} must be at least {SnmpUsmCredentials.MinPasswordLength} characters (net-snmp refuses shorter)";
        }
    }

    /// <summary>The credentials; call only after <see cref="Problems"/> found none.</summary>
    public static SnmpUsmCredentials Create(string user, string? authProtocol, string? authPassword, string? privProtocol, string? privPassword, string? context)
    {
        var auth = SnmpAuthProtocol.None;
        var priv = SnmpPrivProtocol.None;
        if (!string.IsNullOrEmpty(authPassword))
        {
            SnmpUsmProtocolNames.TryParseAuth(authProtocol, out auth);
        }

        if (!string.IsNullOrEmpty(privPassword))
        {
            SnmpUsmProtocolNames.TryParsePriv(privProtocol, out priv);
        }

        return new SnmpUsmCredentials(user, auth, string.IsNullOrEmpty(authPassword) ? null : authPassword,
            priv, string.IsNullOrEmpty(privPassword) ? null : privPassword, context ?? "");
    }
}
