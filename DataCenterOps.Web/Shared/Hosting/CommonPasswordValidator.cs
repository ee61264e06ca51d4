using System.Collections.Frozen;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Refuses the 10,000 most common passwords (ASVS 6.1.2), case-insensitively, when a password is set or changed.
/// The list (CommonPasswords.txt, embedded) is the top 10,000 of the password frequency list shipped with zxcvbn 4.4.2
/// (MIT; ranked from leaked-password corpora).
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<Ui> text) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = text["Password.TooCommon"] })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private const string ResourceName = "DataCenterOps.Web.Shared.Hosting.CommonPasswords.txt";
}
