using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>
/// The real app with a second site, a regency's server room (<c>Sites:0</c>), whose only device is the hot-aisle
/// sensor <c>env-2</c>; the first demo Pemeriksa is limited to it. Configuration is the only difference.
/// </summary>
public sealed class TwoSiteApp : IAsyncLifetime
{
    public const string RegencyCode = "DC-KUKAR";
    public const string RegencyName = "Ruang Server Kabupaten Kutai Kartanegara";
    public const string RegencyDevice = "env-2";
    public const string RegencyInspector = "pemeriksa1@dcops.local";

    public WebAppFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        Factory.ExtraSettings["Sites:0:Code"] = RegencyCode;
        Factory.ExtraSettings["Sites:0:Name"] = RegencyName;
        Factory.ExtraSettings["Sites:0:Address"] = "Jln. Wolter Monginsidi, Tenggarong";
        Factory.ExtraSettings["Sites:0:TimeZone"] = "Asia/Makassar";
        var index = WebAppFactory.ConfiguredDeviceIndex(RegencyDevice);
        Factory.ExtraSettings[$"Monitoring:Devices:{index}:Site"] = RegencyCode;
        _ = Factory.Server; // start the app (migrations, sites, demo users)

        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(WebAppFactory.AdminEmail);
        var inspector = await users.FindByEmailAsync(RegencyInspector);
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOps.Domain.Persistence.DataCenterOpsDbContext>();
        var regency = await db.Sites.SingleAsync(s => s.Code == RegencyCode);
        var actor = await Actors.LoadAsync(db, admin!.Id);
        await scope.ServiceProvider.GetRequiredService<SiteAssignments>().LimitAsync(actor, inspector!.Id, [regency.Id]);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
