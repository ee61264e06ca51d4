namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>A person on a Surat Tugas as printed: name, NIP (employee number, when known) and position.</summary>
public sealed record LetterPerson(string Name, string? Nip, string Position);
