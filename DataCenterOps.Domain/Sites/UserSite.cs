namespace DataCenterOps.Domain.Sites;

/// <summary>Limits a person's roles to one site. A person with no rows works at every site.</summary>
public sealed class UserSite
{
    public string UserId { get; set; } = "";

    public Guid SiteId { get; set; }
}
