using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Domain.People;

/// <summary>A person who signs in. Lives in the Domain so one DbContext holds Identity and the SOP records.</summary>
public sealed class AppUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>Employee number (NIP), optional.</summary>
    [PersonalData]
    public string? Nip { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FullName) ? UserName ?? Id : FullName;
}
