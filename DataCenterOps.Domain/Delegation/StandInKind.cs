namespace DataCenterOps.Domain.Delegation;

/// <summary>How a stand-in holds the office (Indonesian civil-service practice).</summary>
public enum StandInKind
{
    /// <summary>Pelaksana Harian: the official is away for a short time (leave, duty travel).</summary>
    Plh,

    /// <summary>Pelaksana Tugas: the office is vacant, or the official is away for long.</summary>
    Plt,
}
