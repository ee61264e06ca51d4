namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// The keyed signature of one evidence record: chain, position, and HMAC over the previous seal and the record.
/// Append-only (triggers); a record without its seal, or a seal without its record, is tampering.
/// </summary>
public sealed class EvidenceSeal
{
    public string Chain { get; set; } = "";
    public long Sequence { get; set; }
    public string Mac { get; set; } = "";
    public DateTime SealedAtUtc { get; set; }

    /// <summary>True for records that existed before the keyed chain and were adopted at the first start with a key.</summary>
    public bool Adopted { get; set; }
}
