namespace DataCenterOps.Domain.People;

/// <summary>The SOP's roles. A person may hold several.</summary>
public static class Roles
{
    /// <summary>Pengawas Infrastruktur TIK: issues the Surat Tugas and reviews the Laporan.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Pengelola TIK: makes the Rencana Kerja and archives the approved Laporan.</summary>
    public const string Manager = "Manager";

    /// <summary>Pemeriksa TIK: carries out the checklists and submits the Laporan.</summary>
    public const string Inspector = "Inspector";

    /// <summary>Watches the room and registers DC-room entries.</summary>
    public const string Operator = "Operator";

    /// <summary>Manages users and settings.</summary>
    public const string Administrator = "Administrator";

    /// <summary>A co-location tenant's account: sees only its own agency's racks, equipment and visits (the tenant portal).</summary>
    public const string Tenant = "Tenant";

    /// <summary>The data center's own staff roles (everything but <see cref="Tenant"/>).</summary>
    public static readonly IReadOnlyList<string> Staff = [Supervisor, Manager, Inspector, Operator, Administrator];

    public static readonly IReadOnlyList<string> All = [.. Staff, Tenant];
}
