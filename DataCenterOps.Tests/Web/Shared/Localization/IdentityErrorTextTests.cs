using System.Globalization;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>Identity's refusals reach the reader in the UI language, from the real app's services.</summary>
public sealed class IdentityErrorTextTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("id-ID", "Kata sandi minimal 8 karakter.", "Kata sandi paling banyak 64 karakter.", "sudah dipakai")]
    [InlineData("en-US", "Passwords must be at least 8 characters.", "Passwords must be at most 64 characters.", "is already taken")]
    public async Task PasswordAndDuplicateRefusals_AreInTheReadersLanguage(string culture, string tooShort, string tooLong, string duplicate)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

            var shortResult = await users.CreateAsync(new AppUser { UserName = "a@test.local", Email = "a@test.local", FullName = "A" }, "x1");
            var longResult = await users.CreateAsync(new AppUser { UserName = "b@test.local", Email = "b@test.local", FullName = "B" }, new string('q', 65) + "Zx9");
            var duplicateResult = await users.CreateAsync(
                new AppUser { UserName = WebAppFactory.AdminEmail, Email = WebAppFactory.AdminEmail, FullName = "C" }, "Another-Good-Pass-2026");

            Assert.Contains(shortResult.Errors, e => e.Description == tooShort);
            Assert.Contains(longResult.Errors, e => e.Description == tooLong);
            Assert.Contains(duplicateResult.Errors, e => e.Description.Contains(duplicate, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
