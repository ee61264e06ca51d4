using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>Reads a Surat Tugas with its people and scope into a <see cref="LetterDocument"/>.</summary>
public sealed class LetterDocumentLoader(LetterQueries letters, DisplayClock clock)
{
    public async Task<LetterDocument?> LoadAsync(Guid letterId, CancellationToken cancellationToken)
    {
        var letter = await letters.DetailAsync(letterId, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        // Issued by a Plh./Plt.: the stand-in signs, under "Plh. Pengawas Infrastruktur TIK".
        var signatoryId = letter.IssuedAsStandIn is not null && letter.IssuedById is not null ? letter.IssuedById : letter.SupervisorId;
        var signatoryPosition = letter.IssuedAsStandIn is { } standIn ? StandIn.Title(standIn, LetterTerms.SignatoryPosition) : LetterTerms.SignatoryPosition;
        var ids = letter.Inspectors.Select(i => i.UserId).Append(letter.ManagerId).Append(signatoryId).ToList();
        var people = await letters.PeopleAsync(ids, cancellationToken);
        LetterPerson Person(string id, string position) =>
            people.TryGetValue(id, out var p) ? new(p.Name, p.Nip, position) : new(id, null, position);

        var equipmentIds = letter.Scope.Where(s => s.EquipmentId is not null).Select(s => s.EquipmentId!.Value).ToList();
        var equipment = await letters.EquipmentNamesAsync(equipmentIds, cancellationToken);
        var scope = letter.Scope.Where(s => s.Kind is not null).Select(s => LetterTerms.Kind(s.Kind!.Value)).Concat(equipment).ToList();

        var assignees = new List<LetterPerson> { Person(letter.ManagerId, LetterTerms.ManagerPosition) };
        assignees.AddRange(letter.Inspectors.Select(i => Person(i.UserId, LetterTerms.InspectorPosition)).OrderBy(p => p.Name, StringComparer.Ordinal));
        return new LetterDocument(
            letter.Id, letter.Number, letter.State, letter.Agenda, Person(signatoryId, signatoryPosition), assignees, scope,
            clock.Local(letter.ValidFromUtc), clock.Local(letter.ValidUntilUtc), clock.Local(letter.IssuedAtUtc ?? letter.CreatedAtUtc),
            letter.RevocationReason);
    }
}
