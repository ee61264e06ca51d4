using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Assignments;

/// <summary>
/// Step 1: the Surat Tugas. Names one Pengelola and one or more Pemeriksa, the equipment in scope and the
/// validity period; it is also their authorisation to enter the DC room during that period.
/// </summary>
public sealed class AssignmentLetter : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Given when the letter is issued, from Sop:LetterNumberPattern.</summary>
    public string? Number { get; set; }
    public int? NumberYear { get; set; }
    public int? NumberSequence { get; set; }

    /// <summary>The work agenda (agenda kerja) the letter answers.</summary>
    public string Agenda { get; set; } = "";

    /// <summary>The site the letter is issued for; its plan, checklists and report reach the site through it.</summary>
    public Guid SiteId { get; set; } = Site.DefaultId;
    public string SupervisorId { get; set; } = "";
    public string ManagerId { get; set; } = "";
    public DateTime ValidFromUtc { get; set; }
    public DateTime ValidUntilUtc { get; set; }
    public SopState State { get; internal set; } = SopState.LetterDraft;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? IssuedAtUtc { get; internal set; }
    public DateTime? RevokedAtUtc { get; internal set; }
    public string? RevokedById { get; internal set; }
    public string? RevocationReason { get; internal set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Who issued it: the Pengawas, or his stand-in (then <see cref="IssuedAsStandIn"/> says Plh. or Plt.).</summary>
    public string? IssuedById { get; internal set; }
    public Delegation.StandInKind? IssuedAsStandIn { get; internal set; }

    /// <summary>The Pengawas' reason for naming someone without a required qualification (audited); null when nobody lacked one.</summary>
    public string? QualificationOverrideReason { get; internal set; }

    public List<AssignmentLetterInspector> Inspectors { get; set; } = [];
    public List<AssignmentScopeItem> Scope { get; set; } = [];

    public bool Names(string userId) =>
        userId == ManagerId || Inspectors.Any(i => i.UserId == userId);

    public bool NamesInspector(string userId) => Inspectors.Any(i => i.UserId == userId);

    /// <summary>True when the letter lets <paramref name="userId"/> enter the DC room at <paramref name="instantUtc"/>.</summary>
    public bool Authorises(string userId, DateTime instantUtc) =>
        State == SopState.LetterIssued
        && instantUtc >= ValidFromUtc && instantUtc <= ValidUntilUtc
        && Names(userId);

    public bool Covers(Equipment equipment) =>
        Scope.Any(s => s.EquipmentId == equipment.Id || (s.EquipmentId is null && s.Kind == equipment.Kind));

    public bool IsValidOn(DateOnly date, TimeZoneInfo zone)
    {
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(ValidFromUtc, zone));
        var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(ValidUntilUtc, zone));
        return date >= from && date <= until;
    }

    /// <summary>Withdraws the letter (and with it the room authorisation). Only through <see cref="AssignmentLetterService"/>.</summary>
    internal void Revoke(string reason, string byUserId, DateTime atUtc)
    {
        State = SopState.Revoked;
        RevocationReason = reason;
        RevokedById = byUserId;
        RevokedAtUtc = atUtc;
    }

    internal void Issue(string number, int year, int sequence, DateTime atUtc, string? byUserId = null, Delegation.StandInKind? asStandIn = null)
    {
        IssuedById = byUserId;
        IssuedAsStandIn = asStandIn;
        State = SopState.LetterIssued;
        Number = number;
        NumberYear = year;
        NumberSequence = sequence;
        IssuedAtUtc = atUtc;
    }
}
