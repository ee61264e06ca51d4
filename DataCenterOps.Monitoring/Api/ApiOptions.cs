namespace DataCenterOps.Monitoring.Api;

/// <summary><c>Api</c>: a key that machine clients may send instead of signing in (none by default: sign-in only).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public string? ApiKey { get; set; }
}
