using System.Globalization;
using DataCenterOps.Domain.Access;
using Microsoft.Extensions.Localization;

using DataCenterOps.Web.Shared.Display;
namespace DataCenterOps.Web.Features.Access;

/// <summary>One register entry flattened for CSV and PDF, times in the site's zone.</summary>
public sealed record AccessExportRow(
    string In, string Out, string Kind, string Name, string Organisation, string IdDocument, string IdHeld, string Visiting,
    string Purpose, string Basis, string Reference, string EquipmentIn, string EquipmentOut, string Status, string VoidReason)
{
    public static AccessExportRow From(AccessEntry e, DisplayClock clock, IStringLocalizer l) => new(
        clock.FormatForFile(e.InAtUtc),
        e.OutAtUtc is { } o ? clock.FormatForFile(o) : "",
        l[$"Kind.{e.Kind}"],
        e.PersonName,
        e.Organisation ?? "",
        e.IdType is null ? "" : $"{e.IdType} {e.IdNumber}",
        !e.IdHeldAtDesk ? "" : e.IdReturnedAtUtc is { } r ? l["Export.IdReturnedAt", clock.FormatForFile(r)] : l["Export.IdHeld"],
        e.Visiting ?? "",
        e.Purpose,
        l[$"Basis.{e.Basis}"],
        e.Basis switch
        {
            AccessBasis.AssignmentLetter => e.LetterNumber ?? "",
            AccessBasis.Escort => e.EscortName ?? "",
            _ => l["Basis.OneOffGrant"],
        },
        Items(e, EquipmentDirection.In),
        Items(e, EquipmentDirection.Out),
        l[$"Status.{e.Status}"],
        e.VoidReason ?? "");

    public static string[] Headers(IStringLocalizer l) =>
    [
        l["Col.In"], l["Col.Out"], l["Col.Kind"], l["Col.Name"], l["Col.Organisation"], l["Col.IdDocument"], l["Col.IdHeld"],
        l["Col.Visiting"], l["Col.Purpose"], l["Col.Basis"], l["Col.Reference"], l["Col.EquipmentIn"], l["Col.EquipmentOut"],
        l["Col.Status"], l["Col.VoidReason"],
    ];

    public string[] Cells() =>
        [In, Out, Kind, Name, Organisation, IdDocument, IdHeld, Visiting, Purpose, Basis, Reference, EquipmentIn, EquipmentOut, Status, VoidReason];

    private static string Items(AccessEntry e, EquipmentDirection direction) =>
        string.Join("; ", e.Equipment.Where(i => i.Direction == direction)
            .Select(i => i.SerialNumber is null ? i.Description : $"{i.Description} (S/N {i.SerialNumber})"));
}
