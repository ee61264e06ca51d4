using System.Text;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>A USM user with its keys localised to one authoritative engine (RFC 3414 §2.6).</summary>
internal sealed class UsmLocalizedUser
{
    private UsmLocalizedUser(SnmpUsmCredentials credentials, byte[] engineId, byte[] authKey, byte[] privKey)
    {
        Credentials = credentials;
        EngineId = engineId;
        Name = Encoding.UTF8.GetBytes(credentials.User);
        AuthKey = authKey;
        PrivKey = privKey;
    }

    public SnmpUsmCredentials Credentials { get; }

    public byte[] EngineId { get; }

    public byte[] Name { get; }

    public SnmpAuthProtocol AuthProtocol => Credentials.AuthProtocol;

    public SnmpPrivProtocol PrivProtocol => Credentials.PrivProtocol;

    public SnmpSecurityLevel SecurityLevel => Credentials.SecurityLevel;

    /// <summary>Localised authentication key (empty for noAuthNoPriv).</summary>
    public byte[] AuthKey { get; }

    /// <summary>Localised (and for AES-192/256 extended) privacy key; empty without privacy.</summary>
    public byte[] PrivKey { get; }

    /// <summary>Derives the keys: two 1 MB password expansions at most, so callers cache the result (<see cref="UsmKeyCache"/>).</summary>
    public static UsmLocalizedUser Create(SnmpUsmCredentials credentials, ReadOnlySpan<byte> engineId)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        byte[] authKey = [];
        byte[] privKey = [];
        if (credentials.AuthProtocol != SnmpAuthProtocol.None)
        {
            authKey = UsmCrypto.Localize(credentials.AuthProtocol, UsmCrypto.PasswordToKey(credentials.AuthProtocol, credentials.AuthPassword!), engineId);
        }

        if (credentials.PrivProtocol != SnmpPrivProtocol.None)
        {
            var localized = UsmCrypto.Localize(credentials.AuthProtocol, UsmCrypto.PasswordToKey(credentials.AuthProtocol, credentials.PrivPassword!), engineId);
            privKey = UsmCrypto.PrivacyKey(credentials.AuthProtocol, credentials.PrivProtocol, localized);
        }

        return new UsmLocalizedUser(credentials, engineId.ToArray(), authKey, privKey);
    }
}
