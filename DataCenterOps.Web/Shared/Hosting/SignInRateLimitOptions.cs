using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Section "SignIn:RateLimit": sign-in attempts (login POSTs) allowed per client address in each window.</summary>
public sealed class SignInRateLimitOptions
{
    public const string SectionName = "SignIn:RateLimit";

    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
