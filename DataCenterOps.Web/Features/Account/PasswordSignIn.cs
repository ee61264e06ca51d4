using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Account;

/// <summary>
/// The sign-in form's check. Unknown, locked and wrong-password accounts get the same answer (false) after the same
/// work: a password hash is verified in every case (a dummy one when the account is unknown or locked), so neither the
/// reply nor its timing tells whether an account exists. Failures count towards lockout; every attempt is logged with
/// the account typed and the client address (never the password).
/// </summary>
internal sealed partial class PasswordSignIn(
    SignInManager<AppUser> signInManager, UserManager<AppUser> userManager, IPasswordHasher<AppUser> hasher, ILogger<PasswordSignIn> logger)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions())).HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public async Task<bool> SignInAsync(string account, string password, bool remember, HttpContext http)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = await userManager.FindByNameAsync(account) ?? await userManager.FindByEmailAsync(account);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            LogFailed(logger, account, client, user is null ? "unknown account" : "locked out");
            return false;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSucceeded(logger, account, client);
            return true;
        }

        LogFailed(logger, account, client, result.IsLockedOut ? "wrong password, now locked out" : "wrong password");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in succeeded: {Account} from {Client}")]
    private static partial void LogSucceeded(ILogger logger, string account, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed: {Account} from {Client} ({Reason})")]
    private static partial void LogFailed(ILogger logger, string account, string client, string reason);
}
