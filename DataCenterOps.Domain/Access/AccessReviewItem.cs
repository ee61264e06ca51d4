namespace DataCenterOps.Domain.Access;

/// <summary>One authorisation as the reviewer saw it, and the decision taken.</summary>
public sealed class AccessReviewItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public AuthorisationKind Kind { get; set; }
    public Guid ReferenceId { get; set; }
    public string UserId { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string Reference { get; set; } = "";
    public DateTime ValidUntilUtc { get; set; }
    public bool Lapsed { get; set; }
    public bool Revoked { get; set; }
}
