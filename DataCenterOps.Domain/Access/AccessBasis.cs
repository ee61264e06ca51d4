namespace DataCenterOps.Domain.Access;

/// <summary>What an entry rests on.</summary>
public enum AccessBasis
{
    /// <summary>A valid Surat Tugas names the person.</summary>
    AssignmentLetter,

    /// <summary>A visitor accompanied by an authorised person who is inside.</summary>
    Escort,

    /// <summary>A one-off authorisation a Pengawas granted with a reason.</summary>
    OneOffGrant,
}
