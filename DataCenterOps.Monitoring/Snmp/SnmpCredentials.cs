namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// How a request is secured. <see cref="SnmpCommunity"/> (v2c) today; an SNMPv3 USM credential
/// (user, auth and priv keys) derives from this later without changing <see cref="SnmpTarget"/> or
/// <see cref="SnmpClient"/>'s methods.
/// </summary>
public abstract record SnmpCredentials
{
    private protected SnmpCredentials()
    {
    }

    public abstract SnmpVersion Version { get; }
}
