using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Layout;
using MudBlazor;

namespace DataCenterOps.Web.Features.Tenants;

/// <summary>The tenants' part of the menu: a tenant's own portal (first), tenant administration and visit permits.</summary>
internal sealed class TenantsMenu : IMenuPart
{
    public IReadOnlyList<MenuEntry> Entries { get; } =
    [
        new MenuLink(100, Policies.TenantPortal, "tenant", Icons.Material.Filled.Dns, "Tenant.Portal.Nav") { Css = "nav-tenant", Exact = true },
        new MenuLink(1600, Policies.TenantAdmins, "admin/tenants", Icons.Material.Filled.Apartment, "Tenant.Admin.Nav") { Css = "nav-tenants" },
        new MenuLink(1700, Policies.AccessRegister, "tenants/permits", Icons.Material.Filled.Badge, "Tenant.Permits.Nav") { Css = "nav-permits" },
    ];
}
