using System.Text;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// SNMPv3 User-based Security Model credentials (RFC 3414). The security level follows from what is given:
/// no auth password → noAuthNoPriv, auth only → authNoPriv, auth and priv → authPriv. Passwords never
/// appear in <see cref="ToString"/>. The localised keys are derived per agent engine and cached by the client.
/// </summary>
public sealed record SnmpUsmCredentials : SnmpCredentials
{
    /// <summary>net-snmp refuses shorter passwords (RFC 3414 §11.2 recommends at least 8 characters).</summary>
    public const int MinPasswordLength = 8;

    public SnmpUsmCredentials(
        string user,
        SnmpAuthProtocol authProtocol = SnmpAuthProtocol.None,
        string? authPassword = null,
        SnmpPrivProtocol privProtocol = SnmpPrivProtocol.None,
        string? privPassword = null,
        string contextName = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(contextName);
        if (Encoding.UTF8.GetByteCount(user) > 32)
        {
            throw new ArgumentException("A USM user name is at most 32 bytes.", nameof(user));
        }

        if ((authProtocol == SnmpAuthProtocol.None) != string.IsNullOrEmpty(authPassword))
        {
            throw new ArgumentException("Give an auth protocol and an auth password together, or neither.", nameof(authPassword));
        }

        if ((privProtocol == SnmpPrivProtocol.None) != string.IsNullOrEmpty(privPassword))
        {
            throw new ArgumentException("Give a priv protocol and a priv password together, or neither.", nameof(privPassword));
        }

        if (privProtocol != SnmpPrivProtocol.None && authProtocol == SnmpAuthProtocol.None)
        {
            throw new ArgumentException("Privacy needs authentication (there is no noAuthPriv level).", nameof(privProtocol));
        }

        if (authPassword is { Length: < MinPasswordLength } || privPassword is { Length: < MinPasswordLength })
        {
            throw new ArgumentException($"USM passwords must be at least {MinPasswordLength} characters.", nameof(authPassword));
        }

        User = user;
        AuthProtocol = authProtocol;
        AuthPassword = authPassword;
        PrivProtocol = privProtocol;
        PrivPassword = privPassword;
        ContextName = contextName;
    }

    public string User { get; }

    public SnmpAuthProtocol AuthProtocol { get; }

    public string? AuthPassword { get; }

    public SnmpPrivProtocol PrivProtocol { get; }

    public string? PrivPassword { get; }

    /// <summary>contextName of the scoped PDU (the contextEngineID is always the agent's engine ID).</summary>
    public string ContextName { get; init; }

    public SnmpSecurityLevel SecurityLevel => AuthProtocol == SnmpAuthProtocol.None
        ? SnmpSecurityLevel.NoAuthNoPriv
        : PrivProtocol == SnmpPrivProtocol.None ? SnmpSecurityLevel.AuthNoPriv : SnmpSecurityLevel.AuthPriv;

    public override SnmpVersion Version => SnmpVersion.V3;

    /// <summary>Never prints a password.</summary>
    public override string ToString() =>
        $"SnmpUsmCredentials {{ User = {User}, SecurityLevel = {SecurityLevel}, AuthProtocol = {SnmpUsmProtocolNames.Name(AuthProtocol)}, " +
        $"PrivProtocol = {SnmpUsmProtocolNames.Name(PrivProtocol)}, ContextName = {ContextName}, AuthPassword = ***, PrivPassword = *** }}";
}
