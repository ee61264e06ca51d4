namespace DataCenterOps.Domain.People;

/// <summary>The signed-in person performing an action, with the roles the database says they hold.</summary>
public sealed record Actor(string UserId, IReadOnlyCollection<string> Roles)
{
    /// <summary>The sites the person's roles are limited to; null when they work at every site (no user-site rows).</summary>
    public IReadOnlyCollection<Guid>? Sites { get; init; }

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether the person's roles reach <paramref name="siteId"/>.</summary>
    public bool WorksAt(Guid siteId) => Sites is null || Sites.Contains(siteId);
}
