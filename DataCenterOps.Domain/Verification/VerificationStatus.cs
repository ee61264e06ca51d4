namespace DataCenterOps.Domain.Verification;

/// <summary>Whether a verified document still holds.</summary>
public enum VerificationStatus
{
    /// <summary>Issued (or archived intact) and, for a letter, inside its validity now.</summary>
    Valid,

    /// <summary>An issued letter whose validity has not begun.</summary>
    NotYetValid,

    /// <summary>An issued letter whose validity has ended (genuine, no longer in force).</summary>
    Expired,

    /// <summary>A letter withdrawn by the Pengawas.</summary>
    Revoked,

    /// <summary>The record no longer matches what was printed (changed, or its archive chain broken).</summary>
    Altered,
}
