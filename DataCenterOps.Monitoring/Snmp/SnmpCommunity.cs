using System.Text;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>An SNMPv2c community string.</summary>
public sealed record SnmpCommunity : SnmpCredentials
{
    public SnmpCommunity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Bytes = Encoding.UTF8.GetBytes(name);
    }

    public string Name { get; }

    public override SnmpVersion Version => SnmpVersion.V2c;

    internal ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Never prints the secret itself.</summary>
    public override string ToString() => "SnmpCommunity { Name = *** }";

    public bool Equals(SnmpCommunity? other) => other is not null && Name == other.Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
