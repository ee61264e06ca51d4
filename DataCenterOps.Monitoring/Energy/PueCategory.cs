namespace DataCenterOps.Monitoring.Energy;

/// <summary>ISO/IEC 30134-2's categories: where IT energy is measured.</summary>
public enum PueCategory
{
    /// <summary>Category 1 (PUE1): IT energy at the UPS output.</summary>
    UpsOutput = 1,

    /// <summary>Category 2 (PUE2): IT energy at the PDU output.</summary>
    PduOutput = 2,
}
