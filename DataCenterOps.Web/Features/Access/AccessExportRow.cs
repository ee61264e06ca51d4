using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Display;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Access;

/// <summary>One register entry flattened for CSV and PDF, times in the site's zone, the visitor's ID number masked.</summary>
public sealed record AccessExportRow(
    string In, string Out, string Kind, string Name, string Organisation, string IdDocument, string IdHeld, string Visiting,
    string Purpose, string Basis, string Reference, string EquipmentIn, string EquipmentOut, string Status, string VoidReason)
{
    public static AccessExportRow From(AccessEntry e, DisplayClock clock, IStringLocalizer l) => new(
        clock.FormatForFile(e.InAtUtc),
        e.OutAtUtc is { } o ? clock.FormatForFile(o) : "",
        l[$"Access.Kind.{e.Kind}"],
        e.PersonName,
        e.Organisation ?? "",
        // UU 27/2022: an export never carries the full identity-card number.
        PersonalData.MaskedDocument(e.IdType, e.IdNumber),
        !e.IdHeldAtDesk ? "" : e.IdReturnedAtUtc is { } r ? l["Access.Export.IdReturnedAt", clock.FormatForFile(r)] : l["Access.Export.IdHeld"],
        e.Visiting ?? "",
        e.Purpose,
        l[$"Access.Basis.{e.Basis}"],
        e.Basis switch
        {
            AccessBasis.AssignmentLetter => e.LetterNumber ?? "",
            AccessBasis.Escort => e.EscortName ?? "",
            _ => l["Access.Basis.OneOffGrant"],
        },
        Items(e, EquipmentDirection.In),
        Items(e, EquipmentDirection.Out),
        l[$"Access.Status.{e.Status}"],
        e.VoidReason ?? "");

    public static string[] Headers(IStringLocalizer l) =>
    [
        l["Access.Col.In"], l["Access.Col.Out"], l["Access.Col.Kind"], l["Access.Col.Name"], l["Access.Col.Organisation"], l["Access.Col.IdDocument"], l["Access.Col.IdHeld"],
        l["Access.Col.Visiting"], l["Access.Col.Purpose"], l["Access.Col.Basis"], l["Access.Col.Reference"], l["Access.Col.EquipmentIn"], l["Access.Col.EquipmentOut"],
        l["Access.Col.Status"], l["Access.Col.VoidReason"],
    ];

    public string[] Cells() =>
        [In, Out, Kind, Name, Organisation, IdDocument, IdHeld, Visiting, Purpose, Basis, Reference, EquipmentIn, EquipmentOut, Status, VoidReason];

    private static string Items(AccessEntry e, EquipmentDirection direction) =>
        string.Join("; ", e.Equipment.Where(i => i.Direction == direction)
            .Select(i => i.SerialNumber is null ? i.Description : $"{i.Description} (S/N {i.SerialNumber})"));
}
