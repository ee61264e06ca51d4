using Bunit;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web;
using DataCenterOps.Web.Features.Admin.Commissioning;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Admin.Commissioning;

/// <summary>
/// The commissioning page on the real domain services and the real probe, against net-snmp's snmpd as a UPS card
/// (v3 authPriv and v2c): identity, profile match, the ×10 battery voltage flagged, typed v3 errors in the UI
/// language, the progress indicator, saving with protected secrets, and deleting after a confirmation.
/// </summary>
public sealed class CommissioningPageTests(CommissioningSnmpdFixture snmpd) : BunitSetup, IClassFixture<CommissioningSnmpdFixture>
{
    private const string AdminId = "admin-commission";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddLogging();
        Context.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Database.Directory, "keys")));
        Context.Services.AddSingleton(ProfileCatalog.Load());
        Context.Services.AddSingleton<DeviceProbe>();
        Context.Services.AddSingleton(Options.Create(new MonitoringOptions()));
        Context.Services.AddSingleton<DeviceCatalog>();
        Context.Services.AddSingleton<LiveStateStore>();
        await using var db = Database.NewContext();
        var role = db.Roles.Single(r => r.Name == Roles.Administrator);
        db.Users.Add(new AppUser { Id = AdminId, UserName = AdminId, NormalizedUserName = AdminId.ToUpperInvariant(), FullName = "Admin" });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = AdminId, RoleId = role.Id });
        await db.SaveChangesAsync();
        SignIn(AdminId);
    }

    private IStringLocalizer<Ui> L => Context.Services.GetRequiredService<IStringLocalizer<Ui>>();

    private IRenderedComponent<CommissioningPage> RenderV3(string authPassword = CommissioningSnmpdFixture.AuthPassword, string user = CommissioningSnmpdFixture.User)
    {
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change(snmpd.Address);
        var form = cut.Instance.Form;
        form.SnmpVersion = "V3";
        form.V3User = user;
        form.V3Level = CommissioningPage.AuthPriv;
        form.V3AuthProtocol = "SHA-256";
        form.V3AuthPassword = authPassword;
        form.V3PrivProtocol = "AES";
        form.V3PrivPassword = CommissioningSnmpdFixture.PrivPassword;
        cut.Render();
        return cut;
    }

    [Fact]
    public void V3AuthPriv_ShowsTheAgentsIdentity_TheProfileMatchedByUpsIdent_AndFlagsTheTenfoldBatteryVoltage()
    {
        var cut = RenderV3();

        cut.Find("#commissioning-probe").Click();

        cut.WaitForElement(".commissioning-report", TimeSpan.FromSeconds(15));
        Assert.StartsWith("1.3.6.1.4.1.8072.", cut.Find(".commissioning-sysobjectid").TextContent, StringComparison.Ordinal);
        Assert.Equal("ups-rfc1628", cut.Find(".commissioning-profile").TextContent);
        Assert.Contains(L["Commissioning.Choice.UpsIdent"].Value, cut.Find(".commissioning-report").TextContent, StringComparison.Ordinal);
        var voltage = cut.Find("tr[data-point='battery.voltage']");
        Assert.Contains("commissioning-implausible", voltage.ClassName, StringComparison.Ordinal);
        Assert.Equal("27160", voltage.QuerySelector(".commissioning-raw")!.TextContent);
        Assert.Equal("2716", voltage.QuerySelector(".commissioning-value")!.TextContent);
        Assert.Contains("×10", voltage.QuerySelector(".commissioning-check")!.TextContent, StringComparison.Ordinal);
        var charge = cut.Find("tr[data-point='battery.charge']");
        Assert.DoesNotContain("commissioning-implausible", charge.ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal(L["Commissioning.Check.Ok"].Value, charge.QuerySelector(".commissioning-check")!.TextContent.Trim());
        Assert.DoesNotContain(CommissioningSnmpdFixture.AuthPassword, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(CommissioningSnmpdFixture.PrivPassword, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongAuthPassword_GivesTheWrongPasswordMessage_InTheUiLanguage()
    {
        var cut = RenderV3(authPassword: "not-the-password");

        cut.Find("#commissioning-probe").Click();

        var error = cut.WaitForElement(".commissioning-error", TimeSpan.FromSeconds(15));
        Assert.Equal(L["Commissioning.Error.WrongDigest", CommissioningSnmpdFixture.User].Value, error.TextContent.Trim());
        Assert.DoesNotContain("not-the-password", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownUser_GivesTheUnknownUserMessage_InTheUiLanguage()
    {
        var cut = RenderV3(user: "nobody-here");

        cut.Find("#commissioning-probe").Click();

        var error = cut.WaitForElement(".commissioning-error", TimeSpan.FromSeconds(15));
        Assert.Equal(L["Commissioning.Error.UnknownUser", "nobody-here"].Value, error.TextContent.Trim());
    }

    [Fact]
    public void AWrongCommunity_ShowsTheProgressWhileWaiting_ThenTheTimeoutMessage()
    {
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change(snmpd.Address);
        cut.Instance.Form.Community = "not-the-community";

        cut.Find("#commissioning-probe").Click();

        cut.WaitForElement(".commissioning-progress", TimeSpan.FromSeconds(2));
        var error = cut.WaitForElement(".commissioning-error", TimeSpan.FromSeconds(20));
        Assert.Equal(L["Commissioning.Error.TimeoutV2c"].Value, error.TextContent.Trim());
        Assert.Empty(cut.FindAll(".commissioning-progress"));
    }

    [Fact]
    public void AnAddressOfAnotherScheme_IsRefusedBeforeProbing()
    {
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change("http://127.0.0.1:161");

        cut.Find("#commissioning-probe").Click();

        Assert.Equal(L["Commissioning.Error.Address"].Value, cut.Find(".commissioning-error").TextContent.Trim());
    }

    [Fact]
    public async Task Saving_StoresTheDeviceWithProtectedSecrets_AuditsItWithoutThem_AndDeletingNeedsAConfirmation()
    {
        var cut = RenderV3();
        cut.Find("#commissioning-probe").Click();
        cut.WaitForElement(".commissioning-report", TimeSpan.FromSeconds(15));
        cut.Find("#commissioning-deviceid").Change("ups-acme");
        cut.Find("#commissioning-name").Change("ACME UPS");

        cut.Find("#commissioning-save").Click();

        cut.WaitForElement("tr[data-device='ups-acme']", TimeSpan.FromSeconds(10));
        await using (var connection = new SqliteConnection(Database.Storage.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ProtectedCommunity, ProtectedV3AuthPassword, ProtectedV3PrivPassword, V3User, Profile, Kind FROM CommissionedDevices WHERE DeviceId = 'ups-acme'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.IsDBNull(0)); // v3: no community
            var auth = reader.GetString(1);
            var priv = reader.GetString(2);
            Assert.DoesNotContain(CommissioningSnmpdFixture.AuthPassword, auth, StringComparison.Ordinal);
            Assert.DoesNotContain(CommissioningSnmpdFixture.PrivPassword, priv, StringComparison.Ordinal);
            Assert.Equal((CommissioningSnmpdFixture.User, "ups-rfc1628", "Ups"), (reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            var secrets = Context.Services.GetRequiredService<DeviceSecretProtector>();
            Assert.Equal((CommissioningSnmpdFixture.AuthPassword, CommissioningSnmpdFixture.PrivPassword), (secrets.Unprotect(auth), secrets.Unprotect(priv)));
        }

        Assert.DoesNotContain(CommissioningSnmpdFixture.AuthPassword, cut.Markup, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Equal(["DeviceCommissioned"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain(CommissioningSnmpdFixture.AuthPassword, a.Json, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(CommissioningSnmpdFixture.PrivPassword, a.Json, StringComparison.Ordinal));

        cut.Find("tr[data-device='ups-acme'] .commissioning-delete").Click();
        Assert.Single(cut.FindAll("tr[data-device='ups-acme']")); // not yet: a confirmation first
        cut.Find("tr[data-device='ups-acme'] .commissioning-confirm-delete").Click();

        cut.WaitForElement(".commissioning-none", TimeSpan.FromSeconds(10));
        Assert.Equal(["DeviceCommissioned", "DeviceDecommissioned"], (await AuditAsync()).Select(a => a.Action));
    }

    private async Task<List<(string Action, string Json)>> AuditAsync()
    {
        await using var db = Database.NewContext();
        return [.. db.AuditEntries.Where(a => a.EntityType == nameof(CommissionedDevice)).OrderBy(a => a.Id)
            .AsEnumerable().Select(a => (a.Action, (a.BeforeJson ?? "") + (a.AfterJson ?? "")))];
    }
}
