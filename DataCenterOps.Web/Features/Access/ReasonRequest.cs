namespace DataCenterOps.Web.Features.Access;

/// <summary>The body of a void request.</summary>
public sealed record ReasonRequest(string Reason);
