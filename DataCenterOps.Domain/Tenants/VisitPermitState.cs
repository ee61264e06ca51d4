namespace DataCenterOps.Domain.Tenants;

public enum VisitPermitState
{
    Requested,
    Approved,
    Refused,

    /// <summary>Approved, then cancelled by the Pengawas (or his Plh./Plt.): no further visits.</summary>
    Cancelled,
}
