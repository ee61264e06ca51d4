using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>At most 64 characters (ASVS); Identity has only a minimum.</summary>
internal sealed class MaxLengthPasswordValidator(IStringLocalizer<Ui> text) : IPasswordValidator<AppUser>
{
    public const int MaxLength = 64;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = text["Password.TooLong", MaxLength] })
            : IdentityResult.Success);
}
