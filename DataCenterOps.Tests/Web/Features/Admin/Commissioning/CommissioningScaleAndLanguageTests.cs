using System.Globalization;
using Bunit;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web.Features.Admin.Commissioning;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Admin.Commissioning;

/// <summary>
/// The commissioning page against net-snmp's snmpd as a UPS card that sends its battery voltage ten times too large:
/// the Administrator sets a scale override on the flagged point and sees raw, scaled and corrected value before saving,
/// the override is saved with the device; and the page's validation messages are Indonesian in the Indonesian UI.
/// </summary>
public sealed class CommissioningScaleAndLanguageTests(CommissioningSnmpdFixture snmpd) : BunitSetup, IClassFixture<CommissioningSnmpdFixture>
{
    private const string AdminId = "admin-scale";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

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

    private IRenderedComponent<CommissioningPage> ProbeV2c()
    {
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change(snmpd.Address);
        cut.Instance.Form.Community = CommissioningSnmpdFixture.Community;
        cut.Find("#commissioning-probe").Click();
        cut.WaitForElement(".commissioning-report", TimeSpan.FromSeconds(15));
        cut.WaitForElement("tr[data-point='battery.voltage']", Patience);
        return cut;
    }

    [Fact]
    public async Task TheSuggestedScale_ShowsRawScaledAndCorrectedValue_AndIsSavedWithTheDevice()
    {
        using var indonesian = new UiCulture(Indonesian);
        var cut = ProbeV2c();
        var voltage = cut.Find("tr[data-point='battery.voltage']");
        Assert.Equal("27160", voltage.QuerySelector(".commissioning-raw")!.TextContent);
        Assert.Equal("2716", voltage.QuerySelector(".commissioning-value")!.TextContent);
        Assert.Empty(voltage.QuerySelectorAll(".commissioning-corrected-value"));
        Assert.Empty(cut.FindAll("tr[data-point='battery.charge'] .commissioning-scale input")); // plausible points take none

        cut.Find("tr[data-point='battery.voltage'] .commissioning-use-suggested").Click();

        // The button's handler completes on the renderer's dispatcher: wait for that render, not for a time.
        cut.WaitForElement("tr[data-point='battery.voltage'] .commissioning-corrected-value", Patience);
        voltage = cut.Find("tr[data-point='battery.voltage']");
        Assert.Equal("271,6", voltage.QuerySelector(".commissioning-corrected-value")!.TextContent);
        Assert.Equal("wajar", voltage.QuerySelector(".commissioning-corrected-ok")!.TextContent);
        Assert.Equal("2716", voltage.QuerySelector(".commissioning-value")!.TextContent); // the current reading stays beside it
        cut.Find("#commissioning-deviceid").Change("ups-scaled");
        cut.Find("#commissioning-save").Click();

        cut.WaitForElement("tr[data-device='ups-scaled']", TimeSpan.FromSeconds(10));
        Assert.Equal("battery.voltage ×0,01", cut.Find("tr[data-device='ups-scaled'] .commissioning-saved-scales").TextContent);
        await using var connection = new SqliteConnection(Database.Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ScaleOverrides FROM CommissionedDevices WHERE DeviceId = 'ups-scaled'";
        Assert.Equal("""{"battery.voltage":0.01}""", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void ATypedScale_IsShownAsItWouldRead_AndAZeroScaleIsRefusedInIndonesian()
    {
        using var indonesian = new UiCulture(Indonesian);
        var cut = ProbeV2c();

        cut.Find("tr[data-point='battery.voltage'] .commissioning-scale input").Change("0,001");
        cut.WaitForElement("tr[data-point='battery.voltage'] .commissioning-corrected-value", Patience);
        var corrected = cut.Find("tr[data-point='battery.voltage'] .commissioning-corrected");
        Assert.Equal("27,16", corrected.QuerySelector(".commissioning-corrected-value")!.TextContent);
        Assert.NotNull(corrected.QuerySelector(".commissioning-corrected-ok"));

        cut.Find("tr[data-point='battery.voltage'] .commissioning-scale input").Change("0");
        cut.Find("#commissioning-deviceid").Change("ups-zero");
        cut.Find("#commissioning-save").Click();

        Assert.Equal("Tidak dapat disimpan: Koreksi skala titik battery.voltage harus berupa angka selain nol.",
            cut.WaitForElement(".commissioning-save-error", Patience).TextContent.Trim());
        Assert.Empty(cut.FindAll("tr[data-device='ups-zero']"));
    }

    [Fact]
    public void AnEmptyDeviceId_IsRefusedInIndonesian()
    {
        using var indonesian = new UiCulture(Indonesian);
        var cut = ProbeV2c();
        cut.Find("#commissioning-deviceid").Change("");

        cut.Find("#commissioning-save").Click();

        Assert.Equal("Tidak dapat disimpan: ID perangkat wajib diisi.", cut.WaitForElement(".commissioning-save-error", Patience).TextContent.Trim());
    }

    [Fact]
    public void AModbusAddressWithoutAProfile_IsRefusedInIndonesian_BeforeProbing()
    {
        using var indonesian = new UiCulture(Indonesian);
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change("modbus://127.0.0.1:1502?unit=1");

        cut.Find("#commissioning-probe").Click();

        Assert.Equal("Perangkat Modbus perlu profil: pilih profilnya.", cut.WaitForElement(".commissioning-error", Patience).TextContent.Trim());
    }

    [Fact]
    public void AMissingCommunity_IsRefusedInIndonesian_BeforeProbing()
    {
        using var indonesian = new UiCulture(Indonesian);
        var cut = Context.Render<CommissioningPage>();
        cut.Find("#commissioning-address").Change(snmpd.Address);

        cut.Find("#commissioning-probe").Click();

        Assert.Equal("Isi community SNMP v2c.", cut.WaitForElement(".commissioning-error", Patience).TextContent.Trim());
    }

    // The page's language for one test (Indonesian is the UI's neutral language); the previous cultures afterwards.
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCulture(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
