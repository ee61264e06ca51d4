namespace DataCenterOps.Web.Access;

/// <summary>The body of a void request.</summary>
public sealed record ReasonRequest(string Reason);
