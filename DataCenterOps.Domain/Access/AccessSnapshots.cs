using System.Text.Json;

namespace DataCenterOps.Domain.Access;

/// <summary>What the audit trail keeps of an entry before and after a change.</summary>
internal static class AccessSnapshots
{
    public static object Of(AccessEntry e) => new
    {
        Kind = e.Kind.ToString(), e.UserId, e.PersonName, e.Organisation, e.IdType, IdNumber = PersonalData.MaskIdNumber(e.IdNumber), e.IdHeldAtDesk, e.IdReturnedAtUtc,
        e.Visiting, e.Purpose, Basis = e.Basis.ToString(), e.LetterNumber, e.GrantId, e.EscortUserId,
        e.InAtUtc, e.OutAtUtc, Status = e.Status.ToString(), e.VoidReason,
        Equipment = e.Equipment.Select(i => new { Direction = i.Direction.ToString(), i.Description, i.SerialNumber }),
    };

    public static string Json(object snapshot) => JsonSerializer.Serialize(snapshot);
}
