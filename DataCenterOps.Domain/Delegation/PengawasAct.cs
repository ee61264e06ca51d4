using DataCenterOps.Domain.People;

namespace DataCenterOps.Domain.Delegation;

/// <summary>
/// Who acts as the Pengawas of a letter: the Pengawas himself (<see cref="StandIn"/> null) or his stand-in, whose
/// <see cref="Actor"/> then holds the Supervisor role for this one action.
/// </summary>
public sealed record PengawasAct(Actor Actor, StandIn? StandIn)
{
    public StandInKind? Kind => StandIn?.Kind;
}
