namespace DataCenterOps.Domain.People;

/// <summary>The signed-in person performing an action, with the roles the database says they hold.</summary>
public sealed record Actor(string UserId, IReadOnlyCollection<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
