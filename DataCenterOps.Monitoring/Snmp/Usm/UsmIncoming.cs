namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// What USM made of an incoming v3 message: the scoped PDU when it passed (authenticated and decrypted as its
/// flags ask), or the <see cref="UsmError"/> it failed with. <see cref="User"/> is set once the user was found.
/// </summary>
internal sealed record UsmIncoming(SnmpV3Message Message, UsmLocalizedUser? User, SnmpScopedPdu? ScopedPdu, UsmError Error)
{
    public bool Accepted => Error == UsmError.None && ScopedPdu is not null;

    public SnmpSecurityLevel SecurityLevel => Message.SecurityLevel;
}
