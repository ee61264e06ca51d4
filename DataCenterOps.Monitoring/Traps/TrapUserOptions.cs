namespace DataCenterOps.Monitoring.Traps;

/// <summary>One SNMPv3 USM user under <c>Monitoring:Traps:Users</c>. The passwords are secrets and never printed.</summary>
public sealed class TrapUserOptions
{
    public string User { get; set; } = "";

    /// <summary><c>MD5</c>, <c>SHA</c>, <c>SHA-224</c>, <c>SHA-256</c>, <c>SHA-384</c>, <c>SHA-512</c>, or empty for noAuth.</summary>
    public string? AuthProtocol { get; set; }

    public string? AuthPassword { get; set; }

    /// <summary><c>DES</c>, <c>AES</c>, <c>AES-192</c>, <c>AES-256</c>, or empty for noPriv (needs auth).</summary>
    public string? PrivProtocol { get; set; }

    public string? PrivPassword { get; set; }

    public override string ToString() => $"TrapUserOptions {{ User = {User}, AuthProtocol = {AuthProtocol}, PrivProtocol = {PrivProtocol} }}";
}
