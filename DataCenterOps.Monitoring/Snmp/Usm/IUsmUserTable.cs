namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>The users a receiving engine knows, localised to an authoritative engine ID (its own, or a trap sender's).</summary>
internal interface IUsmUserTable
{
    /// <summary>The user named <paramref name="userName"/> localised to <paramref name="engineId"/>, or null when unknown.</summary>
    UsmLocalizedUser? Find(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName);
}
