namespace DataCenterOps.Domain.Verification;

/// <summary>A person as the document names them: name and SOP role (a <see cref="People.Roles"/> name).</summary>
public sealed record VerifiedPerson(string Name, string Role);
