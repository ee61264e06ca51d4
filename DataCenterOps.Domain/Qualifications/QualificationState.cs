namespace DataCenterOps.Domain.Qualifications;

/// <summary>A cell of the qualification matrix on a given day.</summary>
public enum QualificationState
{
    /// <summary>Valid beyond the notice period (green).</summary>
    Valid,

    /// <summary>Valid today but ending within the notice period (amber).</summary>
    Expiring,

    /// <summary>Recorded, but no longer (or not yet) valid (red).</summary>
    Expired,

    /// <summary>Never recorded (red).</summary>
    Missing,
}
